# The two commands the README promises; both work on a fresh clone.
.PHONY: run test

run:  ## set up, index the bundled corpus (only what changed), and serve the web app on http://127.0.0.1:7860
	scripts/setup
	.venv/bin/khub ingest
	.venv/bin/khub serve

test:  ## set up with the test tools and run the default (fast) test suite
	scripts/setup --dev
	.venv/bin/python -m pytest
