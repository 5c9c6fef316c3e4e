// Package browsertest drives the page "Bereken je prijs" of examples/serve
// in a real browser: Debian's headless Chromium, through the DevTools
// protocol (github.com/chromedp/chromedp). It is a module of its own, so
// that the library's go.mod requires nothing of it; `go test ./...` at the
// repository root does not include it.
//
//	cd examples/serve/browsertest && go test -count=1 -v .
//
// The test starts examples/serve on a free loopback port unless
// BROWSERTEST_URL names a running one (.ci/run starts it), finds Chromium
// at /usr/bin/chromium (CHROMIUM overrides) and writes a screenshot of
// every state to BROWSERTEST_OUT (default: .ci/out/browser at the
// repository root, which git ignores).
package browsertest
