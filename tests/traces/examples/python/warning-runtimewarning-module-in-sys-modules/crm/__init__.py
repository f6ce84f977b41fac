from crm.cli import main  # re-exported for the console script
