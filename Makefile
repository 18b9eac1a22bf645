# carbs: build, test, install, and regenerate the generated docs (man pages and shell completions).
PREFIX ?= /usr/local
TOOLS := carbs-space carbs-fit carbs-suggest carbs-pareto carbs-plot
SHELLS := bash zsh fish
MANUAL_DATE := 2026-11-23
SWIFT ?= swift

.PHONY: build test install docs docs-check demo

build:
	$(SWIFT) build -c release

test:
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

demo:
	bin="$$($(SWIFT) build --show-bin-path)"; $(SWIFT) build && \
	"$$bin/carbs-space" lr=log:1e-5:1e-1 width=log:16:4096:int opt=choice:adam,lion \
	    | "$$bin/carbs-space" sample -n 8 --seed 1
