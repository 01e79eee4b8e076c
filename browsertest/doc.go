// Package browsertest checks eventline's outputs in a real browser: the
// TimelineJS document that `eventline extract --format timelinejs` writes
// is loaded, as it is, by the TimelineJS3 library (the npm package
// @knight-lab/timelinejs, pinned in package.json and package-lock.json and
// installed into browsertest/node_modules by `npm ci`) in headless
// Chromium, and every event must become a slide.
//
// The test runs when the environment variable EVENTLINE_BROWSER_TEST is
// 1 — as .ci/run sets it after installing Chromium and the npm package —
// and then fails if either is missing. Without it the test is skipped
// (starting a browser is slow on a shared machine), with a message saying
// how to run it:
//
//	apt-get install -y chromium
//	(cd browsertest && npm ci)
//	EVENTLINE_BROWSER_TEST=1 go test ./browsertest/
//
// EVENTLINE_CHROMIUM names another Chromium binary (default
// /usr/bin/chromium, else chromium or chromium-browser on PATH).
//
// The package holds tests only; it has no API.
package browsertest
