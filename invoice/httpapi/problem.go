package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/plan"
)

// ProblemDetails is an error response, "application/problem+json" (RFC
// 9457): a problem type, a short English title, the HTTP status, a detail
// and, for a request the library found fault with, every problem of the
// input.
type ProblemDetails struct {
	// Type is one of the Type… URIs.
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Problems are the problems of the input, each with its code, JSON
	// path and position; empty for a problem of the request itself (its
	// method, media type or size).
	Problems []InputProblem `json:"problems,omitempty"`
	// Limit names the limit a request went beyond (TypeTooLarge,
	// TypeLimitExceeded).
	Limit *Limit `json:"limit,omitempty"`
}

// InputProblem is one problem of a request body: a plan.Problem with its
// position in the body.
type InputProblem struct {
	// Code is the library's stable problem code (plan.Code…,
	// invoice.Code…, LimitExceeded).
	Code plan.Code `json:"code"`
	// Field is the JSON path of the value in the request body
	// ("case.children[0].plans[0].start"); "" for the whole body.
	Field string `json:"field"`
	// Line and Column are the position in the body (from 1; a column
	// counts characters) of the value the problem concerns, or of the
	// closest value that holds it when the body leaves it out.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Date is the day concerned, if any.
	Date plan.Date `json:"date,omitzero"`
	// Message says in English what is wrong; a decoding problem's starts
	// with "line L, column C: ".
	Message string `json:"message"`
	// Rule is the rule broken, with its source, if any.
	Rule plan.Rule `json:"rule,omitzero"`
}

// Limit is a limit of Options a request went beyond.
type Limit struct {
	// Name is the option's JSON name ("max_body_bytes", "max_children",
	// "max_sessions_per_child", "max_period_days", "max_invoices", "max_lines").
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

// The problem types (RFC 9457 §3.1.1). They identify the kind of failure;
// the documents at these addresses are this package's documentation.
const (
	typeBase = "https://github.com/kinderopvang/regels/invoice/httpapi#"
	// TypeMalformed: the body is not JSON, or not a document of the
	// route's format (an unknown field, a date that does not parse): 400.
	TypeMalformed = typeBase + "malformed"
	// TypeRefused: the library refuses the input (a plan that reserves
	// nothing, an attest of another child): 422.
	TypeRefused = typeBase + "refused"
	// TypeLimitExceeded: the request asks for more work than Options allow:
	// 422.
	TypeLimitExceeded = typeBase + "limit-exceeded"
	// TypeTooLarge: the body is larger than Options.MaxBodyBytes: 413.
	TypeTooLarge = typeBase + "too-large"
	// TypeUnsupportedMediaType: the body is not application/json: 415.
	TypeUnsupportedMediaType = typeBase + "unsupported-media-type"
	// TypeMethodNotAllowed: the route does not take this method (the
	// Allow header lists those it takes): 405.
	TypeMethodNotAllowed = typeBase + "method-not-allowed"
	// TypeNotAcceptable: the route cannot answer in a media type the
	// Accept header allows: 406.
	TypeNotAcceptable = typeBase + "not-acceptable"
	// TypeNotFound: no such route: 404.
	TypeNotFound = typeBase + "not-found"
	// TypeInternal: the server failed; the response says no more: 500.
	TypeInternal = typeBase + "internal"
)

// LimitExceeded is the problem code of a request beyond a limit of
// Options.
const LimitExceeded plan.Code = "limit_exceeded"

// writeProblem writes p as application/problem+json.
func writeProblem(w http.ResponseWriter, p ProblemDetails) {
	b, err := json.Marshal(p)
	if err != nil { // cannot happen: plain strings and numbers
		b = []byte(`{"type":"` + TypeInternal + `","title":"Internal error","status":500}`)
		p.Status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Disposition")
	w.WriteHeader(p.Status)
	_, _ = w.Write(b)
}

// inputProblems returns the problems of err located in body: a decoding
// problem's position is the one its message starts with, any other's the
// position of its field in the body. prefix is put before every field
// ("case" + "." + "children[0]"), and remap, when not nil, rewrites the
// library's field paths into the request's.
func inputProblems(err error, body []byte, prefix string, remap func(string) string) []InputProblem {
	ps := plan.AsProblems(err)
	if ps == nil {
		// An error that is not a list of problems: its code if it carries
		// one, and its text without the package prefix.
		code := plan.CodeInvalidValue
		var c plan.Code
		if errors.As(err, &c) {
			code = c
		}
		ps = plan.Problems{{Code: code, Message: trimPackage(err.Error())}}
	}
	out := make([]InputProblem, 0, len(ps))
	for _, p := range ps {
		field := p.Field
		if remap != nil {
			field = remap(field)
		}
		field = joinPath(prefix, field)
		ip := InputProblem{Code: p.Code, Field: field, Date: p.Date, Message: withoutGoTypes(p.Message), Rule: p.Rule}
		if l, c, ok := messagePosition(p.Message); ok {
			ip.Line, ip.Column = l, c
		} else {
			ip.Line, ip.Column = locate(body, field)
		}
		out = append(out, ip)
	}
	return out
}

// joinPath joins a path prefix and a field path.
func joinPath(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	case strings.HasPrefix(field, "["):
		return prefix + field
	}
	return prefix + "." + field
}

// messagePosition reads the "line L, column C: " a decoding problem's
// message starts with.
func messagePosition(msg string) (line, column int, ok bool) {
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, 0, false
	}
	l, rest, ok := strings.Cut(rest, ", column ")
	if !ok {
		return 0, 0, false
	}
	c, _, ok := strings.Cut(rest, ": ")
	if !ok {
		return 0, 0, false
	}
	line, err1 := strconv.Atoi(l)
	column, err2 := strconv.Atoi(c)
	if err1 != nil || err2 != nil || line < 1 || column < 1 {
		return 0, 0, false
	}
	return line, column, true
}

// goType matches a Go type's name as the decoder's messages write it:
// "invoice.Case", "[]plan.Date", "*plan.Notice", "int64".
const goType = `(?:\*|\[\]|map\[[^\]]*\])*(?:[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9_]*|u?int(?:8|16|32|64)?|string|bool)`

// goTypeRewrites turn the decoder's messages that name a Go type into
// messages that name the place in the document.
func goTypeRewrites() []struct {
	re   *regexp.Regexp
	with string
} {
	return []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`(^|: )` + goType + ` needs field`), "${1}this object needs field"},
		{regexp.MustCompile(`(unknown field "(?:[^"\\]|\\.)*") in ` + goType), "${1} here"},
		{regexp.MustCompile(` is not a value of ` + goType + `;`), " is not allowed here;"},
		{regexp.MustCompile(` is out of range for ` + goType), " is out of range here"},
		{regexp.MustCompile(`internal: the decoder cannot decode Go type .*`), "this value cannot be decoded"},
		{regexp.MustCompile(`internal: .*`), "this value cannot be decoded"},
	}
}

// withoutGoTypes rewrites a message so that it names no Go type.
func withoutGoTypes(msg string) string {
	if !strings.Contains(msg, ".") && !strings.Contains(msg, "int") && !strings.Contains(msg, "internal") {
		return msg
	}
	for _, r := range goTypeRewrites() {
		msg = r.re.ReplaceAllString(msg, r.with)
	}
	return msg
}

// trimPackage drops the package prefixes of a library error's text
// ("invoice: ").
func trimPackage(s string) string {
	for _, p := range []string{"invoice: ", "tariff: ", "plan: ", "absence: ", "reservation: ", "fosu05: "} {
		s = strings.ReplaceAll(s, p, "")
	}
	return s
}
