# carbs: build, test, install, and regenerate the generated docs (man pages and shell completions).
PREFIX ?= /usr/local
TOOLS := carbs-space carbs-fit carbs-suggest carbs-pareto carbs-plot
SHELLS := bash zsh fish
MANUAL_DATE := 2026-11-23
SWIFT ?= swift

.PHONY: deps build test install docs docs-check demo bench-quick bench-full

# The system LAPACK/BLAS: installed with apt-get when missing (as root), or named in one line otherwise.
deps:
	@missing=""; for p in liblapack-dev libblas-dev; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	    else echo "carbs needs LAPACK/BLAS: run  sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	fi

build: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

install: build
	bin="$$($(SWIFT) build -c release --show-bin-path)"; \
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1" "$(DESTDIR)$(PREFIX)/share/man/man5" \
	    "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	    "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"; \
	for t in $(TOOLS); do \
	    install -m 755 "$$bin/$$t" "$(DESTDIR)$(PREFIX)/bin/$$t"; \
	    install -m 644 "completions/$$t.bash" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$t"; \
	    install -m 644 "completions/$$t.zsh" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_$$t"; \
	    install -m 644 "completions/$$t.fish" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/$$t.fish"; \
	done; \
	install -m 644 man/*.1 "$(DESTDIR)$(PREFIX)/share/man/man1/"; \
	install -m 644 man/*.5 "$(DESTDIR)$(PREFIX)/share/man/man5/"

# Writes man/*.1 and completions/* into $(1) (a directory holding man/ and completions/).
define generate
	mkdir -p "$(1)/man" "$(1)/completions"
	$(SWIFT) package generate-manual --date $(MANUAL_DATE)
	for t in $(TOOLS); do cp .build/plugins/GenerateManual/outputs/*/$$t.1 "$(1)/man/"; done
	$(SWIFT) build -c release
	bin="$$($(SWIFT) build -c release --show-bin-path)"; \
	for t in $(TOOLS); do for s in $(SHELLS); do \
	    "$$bin/$$t" --generate-completion-script $$s > "$(1)/completions/$$t.$$s" || exit 1; \
	done; done
endef

docs:
	$(call generate,.)

docs-check:
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	$(MAKE) --no-print-directory docs-into DOCS_DIR="$$tmp" && \
	mkdir -p "$$tmp/man-committed" && cp man/*.1 "$$tmp/man-committed/" && \
	diff -r "$$tmp/man-committed" "$$tmp/man" && diff -r completions "$$tmp/completions" \
	    || { echo "man pages or completions are stale: run make docs" >&2; exit 1; }

.PHONY: docs-into
docs-into:
	$(call generate,$(DOCS_DIR))

# An end-to-end sweep of the toy training program (examples/toy-train): 40 trials, then the front as a plot.
demo: deps
	$(SWIFT) build
	@bin="$$($(SWIFT) build --show-bin-path)"; dir="$$(mktemp -d)"; export PATH="$$bin:$$PATH"; \
	echo "demo sweep log: $$dir/sweep.jsonl"; \
	examples/bash-loop.sh "$$dir/sweep.jsonl" 40 && \
	carbs-pareto --summary --format text "$$dir/sweep.jsonl" && \
	carbs-fit --format text "$$dir/sweep.jsonl"

# Benchmarks (release builds; see BENCHMARKS.md).
bench-quick: deps
	benchmarks/run-quick.sh

bench-full: deps
	benchmarks/run-full.sh
