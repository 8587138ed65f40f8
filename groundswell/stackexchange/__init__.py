"""Stack Exchange data dumps: a streaming reader, an importer into a space, and the
time-ordered replay that measures question routing (`eval_routing`)."""
