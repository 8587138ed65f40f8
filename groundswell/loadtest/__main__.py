from groundswell.loadtest.run import main

main()
