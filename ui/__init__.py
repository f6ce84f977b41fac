"""ui: the ways in: the ``khub`` command line (cli.py, commands/) and the Gradio web app (app.py,
api.py, server.py), with the JSON shapes both print (shapes.py), inert rendering (render.py) and
the mentors' review store (reviews.py). The top layer: nothing imports it but ``python -m khub``.
"""
