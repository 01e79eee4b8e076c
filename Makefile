# eventline — build, test, lint, benchmark, fuzz.
GO         ?= go
BIN        ?= eventline
FUZZTIME   ?= 10s
BENCHTIME  ?= 1x
BENCHMB    ?= 100
BENCHVOCAB ?= 0

.PHONY: build test lint bench fuzz sample tidy-check clean

build:
	$(GO) build -o $(BIN) ./cmd/eventline

# The tests, then the fixtures checked against their goldens by the CLI itself.
test: build
	$(GO) test -count=1 -timeout 15m ./...
	./$(BIN) validate --fixtures fixtures/

lint: tidy-check
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

tidy-check:
	@cp go.mod /tmp/eventline.go.mod.bak; cp go.sum /tmp/eventline.go.sum.bak; \
	$(GO) mod tidy; \
	if ! cmp -s go.mod /tmp/eventline.go.mod.bak || ! cmp -s go.sum /tmp/eventline.go.sum.bak; then \
		echo "go.mod/go.sum are not tidy: run go mod tidy"; cp /tmp/eventline.go.mod.bak go.mod; cp /tmp/eventline.go.sum.bak go.sum; exit 1; fi

# Whole-pipeline benchmark over a generated corpus, then the per-stage benchmarks.
# BENCHVOCAB=1000000 mixes in words of a made-up vocabulary of that size, as
# real news brings new words to the end (see docs/performance.md).
bench: build
	$(GO) run ./bench/corpusbench -mb $(BENCHMB) -vocab $(BENCHVOCAB)
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target for FUZZTIME.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

# The timeline of the bundled sample articles, as Excel and CSV.
sample: build
	./$(BIN) extract fixtures/ -o timeline.xlsx
	./$(BIN) extract fixtures/ -o timeline.csv --bom

clean:
	rm -f $(BIN) timeline.xlsx timeline.csv
