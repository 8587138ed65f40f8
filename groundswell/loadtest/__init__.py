"""`make load`: the production server under mixed read/write traffic (TRUST 24), and the
throw-away PostgreSQL cluster the load run and the resilience tests start for themselves."""
