# Shortcuts for the scripts (the scripts are what the README and CI use).
.PHONY: demo test test-quick
demo:
	./scripts/demo
test:
	./scripts/test
test-quick:
	./scripts/test -m "not slow"
