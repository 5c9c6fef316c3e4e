module github.com/kinderopvang/regels

go 1.24

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/rickar/cal/v2 v2.1.31 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
	pgregory.net/rapid v1.3.0 // indirect
)
