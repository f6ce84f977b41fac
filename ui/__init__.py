"""ui: the ways in: the ``khub`` command line (cli.py, commands/) and the Gradio web app (app.py,
api.py, server.py), with inert rendering (render.py) and the mentors' review store (reviews.py).
Both print the JSON shapes the results give themselves (``Hit``, ``Diagnosis``, ``Answer``: ``as_dict``).
The top layer: nothing imports it but ``python -m khub``.
"""
