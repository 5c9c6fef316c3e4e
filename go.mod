module github.com/kinderopvang/regels

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	github.com/rickar/cal/v2 v2.1.31
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.3.0
)
