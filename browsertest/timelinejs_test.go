package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// envRequired makes the browser test required (fail, not skip, when
// Chromium or the npm package is missing).
const envRequired = "EVENTLINE_BROWSER_TEST"

// timelineDist is the folder of TimelineJS3's built files, installed by npm ci.
var timelineDist = filepath.Join("node_modules", "@knight-lab", "timelinejs", "dist")

// requireBrowserTest skips the test unless EVENTLINE_BROWSER_TEST is 1.
func requireBrowserTest(t *testing.T) {
	t.Helper()
	if os.Getenv(envRequired) != "1" {
		t.Skipf("browser test skipped: it runs with %s=1, after `apt-get install chromium` and `(cd browsertest && npm ci)` (.ci/run does this)", envRequired)
	}
}

// unavailable fails the required browser test for want of a tool.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Fatalf("%s (%s=1 requires the browser test)", fmt.Sprintf(format, args...), envRequired)
}

// chromium returns the path of the Chromium binary.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("EVENTLINE_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	unavailable(t, "no Chromium: /usr/bin/chromium is missing and none is on PATH")
	return ""
}

// sampleEvents returns events of every date precision, Arabic and English
// text, HTML-like characters, contexts other than reported, and one event
// without a date (which TimelineJS cannot place, so the writer leaves it out).
func sampleEvents() []events.Event {
	mk := func(id string, t events.EventType, date, end string, p events.Precision, edit func(*events.Event)) events.Event {
		e := events.Event{ID: id, DocID: "afp-erbil", Published: "2024-01-25", Date: date, DateEnd: end, DatePrecision: p,
			Lang: "ar", Source: "AFP", URL: "https://example.org/afp/erbil?a=1&b=2", Sentence: "جملة.", Trigger: "t",
			Context: events.Reported, Confidence: 0.9}
		e.SetType(t, false)
		if edit != nil {
			edit(&e)
		}
		return e
	}
	return []events.Event{
		mk("afp-erbil-s1-e0", events.Airstrike, "2024-01-23", "2024-01-23", events.PrecisionDay, func(e *events.Event) {
			e.Actor1, e.Actor2, e.Location = "United States", "Kataib Hezbollah", "Jurf al-Sakhar"
			e.Sentence = "واستهدفت واشنطن \"كتائب حزب الله\" يوم الثلاثاء."
		}),
		mk("afp-erbil-s2-e0", events.Attack, "2023-10-11", "2024-01-25", events.PrecisionRange, func(e *events.Event) {
			e.Actor1, e.Actor2 = "Iran-aligned armed groups", "United States"
			e.Count, e.CountQualifier, e.CountUnit = events.Int(150), events.MoreThan, "attack"
		}),
		mk("afp-erbil-s3-e0", events.Interception, "2024-01-22", "2024-01-28", events.PrecisionWeek, nil),
		mk("afp-erbil-s4-e0", events.Deployment, "2024-01-25", "2024-01-25", events.PrecisionUnknown, func(e *events.Event) {
			e.Count, e.CountQualifier, e.CountUnit = events.Int(2500), events.Approx, "soldier"
		}),
		mk("afp-erbil-s5-e0", events.Announcement, "2017-09-01", "2017-12-31", events.PrecisionYear, func(e *events.Event) {
			e.Actor1, e.Actor2 = "Iraq", "Islamic State"
		}),
		mk("afp-erbil-s6-e0", events.Demand, "2023-10-01", "2023-10-31", events.PrecisionMonth, nil),
		mk("afp-erbil-s7-e0", events.Announcement, "2014-01-01", "2014-12-31", events.PrecisionYear, nil),
		mk("reuters-1-s0-e0", events.DroneAttack, "2024-01-28", "2024-01-28", events.PrecisionDay, func(e *events.Event) {
			e.Lang, e.Source, e.URL = "en", "Reuters", ""
			e.Actor1, e.Context = "<Islamic Resistance> & co", events.Claimed
			e.Sentence = `The group said it "targeted" <b>three</b> bases & more.`
		}),
		mk("reuters-1-s1-e0", events.Threat, "2024-01-29", "2024-01-29", events.PrecisionDay, func(e *events.Event) {
			e.Lang, e.Context = "en", events.Hypothetical
		}),
		mk("undated-s0-e0", events.Statement, "", "", events.PrecisionUnknown, nil),
	}
}

// page loads the TimelineJS document and, once TimelineJS has built the
// timeline, writes what it rendered into #result as JSON.
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>eventline TimelineJS check</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1000px; height: 650px"></div>
<pre id="result">pending</pre>
<script>
function report(obj) { document.getElementById("result").textContent = JSON.stringify(obj); }
window.onerror = function (msg) { report({error: String(msg)}); };
try {
  var tl = new TL.Timeline("timeline-embed", "/timeline.json", {debug: false});
  tl.on("dataloaderror", function (e) { report({error: "data load error: " + (e && e.message)}); });
  tl.on("loaded", function () {
    setTimeout(function () {
      var root = document.getElementById("timeline-embed");
      var slides = Array.prototype.slice.call(root.querySelectorAll(".tl-slide"));
      var events = slides.filter(function (s) { return !s.classList.contains("tl-slide-titleslide"); });
      report({
        slides: events.length,
        titles: slides.length - events.length,
        ids: events.map(function (s) { return s.id; }),
        headlines: events.map(function (s) { var h = s.querySelector(".tl-headline"); return h ? h.textContent : null; }),
        markers: root.querySelectorAll(".tl-timemarker").length,
        groups: Array.prototype.map.call(root.querySelectorAll(".tl-timegroup-message"), function (g) { return g.textContent; }),
        errors: tl.config ? tl.config.messages.errors.map(String) : ["no config"]
      });
    }, 0);
  });
} catch (e) { report({error: String(e)}); }
</script>
</body></html>`

// rendered is what the page reports.
type rendered struct {
	Error     string   `json:"error"`
	Slides    int      `json:"slides"`
	Titles    int      `json:"titles"`
	IDs       []string `json:"ids"`
	Headlines []string `json:"headlines"`
	Markers   int      `json:"markers"`
	Groups    []string `json:"groups"`
	Errors    []string `json:"errors"`
}

var resultRE = regexp.MustCompile(`(?s)<pre id="result">(.*?)</pre>`)

func TestTimelineJSLoadsInBrowser(t *testing.T) {
	requireBrowserTest(t)
	bin := chromium(t)
	if _, err := os.Stat(filepath.Join(timelineDist, "js", "timeline.js")); err != nil {
		unavailable(t, "TimelineJS3 is not installed in browsertest/%s: run `npm ci` in browsertest", timelineDist)
	}

	evs := sampleEvents()
	var doc bytes.Buffer
	w := export.NewTimelineJS(&doc)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	require.Equal(t, 1, w.Skipped(), "the undated event is left out")
	var want []string
	for _, e := range evs {
		if e.Date != "" {
			want = append(want, e.ID)
		}
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(page))
	})
	mux.HandleFunc("/timeline.json", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/json")
		_, _ = rw.Write(doc.Bytes())
	})
	mux.Handle("/tl/", http.StripPrefix("/tl/", http.FileServer(http.Dir(timelineDist))))
	srv := httptest.NewServer(mux) // listens on 127.0.0.1 only
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--no-default-browser-check", "--user-data-dir="+t.TempDir(),
		"--virtual-time-budget=20000", "--dump-dom", srv.URL+"/")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
	}
	m := resultRE.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, "no #result in the page Chromium dumped:\n%s", tail(stdout.String(), 2000))
	text := html.UnescapeString(m[1])
	require.NotEqual(t, "pending", text, "TimelineJS never reported loading the document")
	var got rendered
	require.NoError(t, json.Unmarshal([]byte(text), &got), text)
	require.Empty(t, got.Error, "the page reported an error")

	assert.Empty(t, got.Errors, "TimelineJS logged errors reading the document")
	assert.Equal(t, 1, got.Titles, "one title slide")
	assert.Equal(t, len(want), got.Slides, "every dated event became a slide")
	assert.ElementsMatch(t, want, got.IDs, "slide ids are the event ids")
	assert.Equal(t, len(want), got.Markers, "every slide has its marker on the time axis")
	for _, h := range got.Headlines {
		assert.NotEmpty(t, h)
	}
	assert.True(t, slices.Contains(got.Headlines, "Drone attack (claimed): <Islamic Resistance> & co"),
		"escaped text shows as written: %q", got.Headlines)
	assert.True(t, slices.Contains(got.Headlines, "Airstrike: United States → Kataib Hezbollah, Jurf al-Sakhar"), "%q", got.Headlines)
	for _, g := range []string{"Airstrike", "Attack", "Drone attack"} {
		assert.Contains(t, got.Groups, g, "one row per event type")
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
