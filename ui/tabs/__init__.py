"""The web app's tabs, one module each; ui/app.py puts them together."""
