// Package scale holds end-to-end tests and benchmarks of eventline at
// corpus scale: memory that stays bounded however large the corpus, and
// per-format throughput. It has no code of its own.
package scale
