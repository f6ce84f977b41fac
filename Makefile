# The two commands the README promises; both work on a fresh clone.
.PHONY: run test

run:  ## set up, index the bundled corpus (only what changed), and run a first search
	scripts/setup
	.venv/bin/khub ingest
	.venv/bin/khub search "how should a single page app store its JWT?" --top-k 3

test:  ## set up with the test tools and run the default (fast) test suite
	scripts/setup --dev
	.venv/bin/python -m pytest
