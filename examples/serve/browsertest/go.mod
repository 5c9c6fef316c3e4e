module github.com/kinderopvang/regels/examples/serve/browsertest

go 1.25

require (
	github.com/chromedp/chromedp v0.23.0
	github.com/kinderopvang/regels v0.0.0
)

require (
	github.com/chromedp/cdproto v0.159.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/rickar/cal/v2 v2.1.31 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
)

replace github.com/kinderopvang/regels => ../../..
