from factx.cli import main

main()
