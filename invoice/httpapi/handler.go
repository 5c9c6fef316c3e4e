package httpapi

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/invoice"
)

// Options configure a Handler. The zero Options are the defaults; a
// negative limit is an error.
type Options struct {
	// MaxBodyBytes is the largest request body read; a larger one is
	// refused with 413. Zero means DefaultMaxBodyBytes (1 MiB).
	MaxBodyBytes int64
	// MaxChildren is the most children one case may hold (a family). Zero
	// means DefaultMaxChildren.
	MaxChildren int
	// MaxSessionsPerChild is the most check-ins and check-outs, absences,
	// reservations, extra days or other dated entries one child of a case
	// may carry, and the most slots one estimate's plan may hold. Zero
	// means DefaultMaxSessionsPerChild.
	MaxSessionsPerChild int
	// MaxPeriodDays is the longest period, in days, of an absence, a
	// closure or the part of the month invoiced. Zero means
	// DefaultMaxPeriodDays.
	MaxPeriodDays int
	// MaxInvoices is the most invoices one attendance report may count.
	// Zero means DefaultMaxInvoices.
	MaxInvoices int
	// MaxLines is the most lines an external invoice may have. Zero means
	// DefaultMaxLines.
	MaxLines int
	// AllowedOrigins are the origins ("https://portaal.example.be") whose
	// pages may call the API from a browser (CORS). None by default: only
	// pages of the API's own origin, and programs, may call it.
	AllowedOrigins []string
	// Logger receives one line per recovered panic (the route and the
	// stack, never the request). Nil means no logging.
	Logger *slog.Logger
}

// The default limits.
const (
	DefaultMaxBodyBytes        = 1 << 20
	DefaultMaxChildren         = 12
	DefaultMaxSessionsPerChild = 400
	DefaultMaxPeriodDays       = 366
	DefaultMaxInvoices         = 1000
	DefaultMaxLines            = 1000
)

// Handler is the HTTP API: an http.Handler over the library's public API.
// It keeps no state between requests and is safe for concurrent use.
type Handler struct {
	opt     Options
	origins map[string]bool
	spec    *schemaSpec
	openapi []byte
	routes  map[string]route
}

// route is one path of the API.
type route struct {
	method string
	serve  func(h *Handler, w http.ResponseWriter, r *http.Request)
}

// New returns a Handler with the options given.
func New(opt Options) (*Handler, error) {
	if opt.MaxBodyBytes < 0 || opt.MaxChildren < 0 || opt.MaxSessionsPerChild < 0 || opt.MaxPeriodDays < 0 || opt.MaxInvoices < 0 || opt.MaxLines < 0 {
		return nil, errors.New("httpapi: a limit of the options is negative")
	}
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	if opt.MaxBodyBytes == 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	def(&opt.MaxChildren, DefaultMaxChildren)
	def(&opt.MaxSessionsPerChild, DefaultMaxSessionsPerChild)
	def(&opt.MaxPeriodDays, DefaultMaxPeriodDays)
	def(&opt.MaxInvoices, DefaultMaxInvoices)
	def(&opt.MaxLines, DefaultMaxLines)
	h := &Handler{opt: opt, origins: map[string]bool{}}
	for _, o := range opt.AllowedOrigins {
		if o == "" || o == "*" || strings.HasSuffix(o, "/") || !strings.Contains(o, "://") {
			return nil, fmt.Errorf("httpapi: %q is not an origin (scheme://host[:port], no path, no wildcard)", o)
		}
		h.origins[o] = true
	}
	s, err := newSchemaSpec()
	if err != nil {
		return nil, err
	}
	s.extraEnums[reflect.TypeFor[Rounding]()] = []string{invoice.PerLine.String(), invoice.PerDay.String()}
	var kinds []string
	for k := invoice.DiffMissing; k <= invoice.DiffHeader; k++ {
		kinds = append(kinds, k.String())
	}
	s.extraFormats[reflect.TypeFor[invoice.DiffKind]()] = enumFormat("kind of difference", kinds)
	h.spec = s
	h.routes = map[string]route{
		PathInvoices:          {http.MethodPost, (*Handler).invoices},
		PathEstimates:         {http.MethodPost, (*Handler).estimates},
		PathVerifications:     {http.MethodPost, (*Handler).verifications},
		PathAttendanceReports: {http.MethodPost, (*Handler).attendanceReports},
		PathCancellations:     {http.MethodPost, (*Handler).cancellations},
		PathAmounts:           {http.MethodGet, (*Handler).amounts},
		PathOpenAPI:           {http.MethodGet, (*Handler).openAPI},
	}
	if h.openapi, err = h.openAPIDocument(); err != nil {
		return nil, err
	}
	return h, nil
}

// The routes.
const (
	PathInvoices          = "/v1/invoices"
	PathEstimates         = "/v1/estimates"
	PathVerifications     = "/v1/verifications"
	PathAttendanceReports = "/v1/attendance-reports"
	PathCancellations     = "/v1/cancellations"
	PathAmounts           = "/v1/amounts"
	PathOpenAPI           = "/openapi.json"
)

// Routes returns the paths the API serves, in the order of the OpenAPI
// document; a request's path is one of them or the API answers 404. A
// server can log the route of a request by this list, never the raw path.
func Routes() []string {
	return []string{PathInvoices, PathEstimates, PathVerifications, PathAttendanceReports, PathCancellations, PathAmounts, PathOpenAPI}
}

// ServeHTTP answers one request. A panic below it is recovered to a 500
// problem that says nothing of its cause.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler { // net/http's own way to abort: let it through
				panic(v)
			}
			if h.opt.Logger != nil {
				// The panic's value may quote the request: only its type.
				h.opt.Logger.Error("httpapi: panic recovered", "route", routeOf(r.URL.Path), "panic_type", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
			}
			writeProblem(w, ProblemDetails{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError,
				Detail: "the server could not answer this request"})
		}
	}()
	h.serve(w, r)
}

// routeOf returns the route of a path, or "other".
func routeOf(path string) string {
	if slices.Contains(Routes(), path) {
		return path
	}
	return "other"
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request) {
	rt, ok := h.routes[r.URL.Path]
	if !ok {
		writeProblem(w, ProblemDetails{Type: TypeNotFound, Title: "Not found", Status: http.StatusNotFound,
			Detail: "no such route; GET " + PathOpenAPI + " lists the routes"})
		return
	}
	allow := rt.method + ", OPTIONS"
	if rt.method == http.MethodGet {
		allow = "GET, HEAD, OPTIONS"
	}
	if h.cors(w, r, allow) {
		return
	}
	method := r.Method
	if method == http.MethodHead && rt.method == http.MethodGet {
		method = http.MethodGet
	}
	if method == http.MethodOptions {
		w.Header().Set("Allow", allow)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if method != rt.method {
		w.Header().Set("Allow", allow)
		writeProblem(w, ProblemDetails{Type: TypeMethodNotAllowed, Title: "Method not allowed", Status: http.StatusMethodNotAllowed,
			Detail: fmt.Sprintf("%s takes %s", r.URL.Path, allow)})
		return
	}
	rt.serve(h, w, r)
}

// cors adds the CORS headers for an allowed origin and answers a
// preflight request; it reports whether the request is answered.
func (h *Handler) cors(w http.ResponseWriter, r *http.Request, allow string) bool {
	origin := r.Header.Get("Origin")
	w.Header().Add("Vary", "Origin")
	if origin == "" || !h.origins[origin] {
		return false
	}
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", origin)
	hd.Set("Access-Control-Expose-Headers", "Content-Type, Content-Length, Allow")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		hd.Set("Access-Control-Allow-Methods", allow)
		hd.Set("Access-Control-Allow-Headers", "Content-Type, Accept")
		hd.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// readBody checks the content type and reads the body within the limit;
// on a problem it writes the response and returns false.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	charset, hasCharset := params["charset"]
	if err != nil || mt != "application/json" || hasCharset && !strings.EqualFold(charset, "utf-8") {
		detail := "the body must be application/json (UTF-8)"
		if ct == "" {
			detail = "the request has no Content-Type: the body must be application/json"
		}
		writeProblem(w, ProblemDetails{Type: TypeUnsupportedMediaType, Title: "Unsupported media type", Status: http.StatusUnsupportedMediaType, Detail: detail})
		return nil, false
	}
	limit := h.opt.MaxBodyBytes
	if r.ContentLength > limit {
		h.tooLarge(w)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.tooLarge(w)
			return nil, false
		}
		writeProblem(w, ProblemDetails{Type: TypeMalformed, Title: "The body cannot be read", Status: http.StatusBadRequest,
			Detail: "the request body ended before its end"})
		return nil, false
	}
	return body, true
}

func (h *Handler) tooLarge(w http.ResponseWriter) {
	writeProblem(w, ProblemDetails{Type: TypeTooLarge, Title: "Request body too large", Status: http.StatusRequestEntityTooLarge,
		Detail: fmt.Sprintf("the body is larger than %d bytes", h.opt.MaxBodyBytes),
		Limit:  &Limit{Name: "max_body_bytes", Value: h.opt.MaxBodyBytes}})
}

// malformed writes the 400 of a body that does not decode.
func malformed(w http.ResponseWriter, err error, body []byte) {
	writeProblem(w, ProblemDetails{Type: TypeMalformed, Title: "The body is not a valid document", Status: http.StatusBadRequest,
		Detail: "the body is not JSON, or not of this route's format: see problems", Problems: inputProblems(err, body, "", nil)})
}

// refused writes the 422 of an input the library refuses.
func refused(w http.ResponseWriter, err error, body []byte, prefix string, remap func(string) string) {
	writeProblem(w, ProblemDetails{Type: TypeRefused, Title: "The library refuses the input", Status: http.StatusUnprocessableEntity,
		Detail: "the document is well formed but cannot be computed: see problems", Problems: inputProblems(err, body, prefix, remap)})
}

// writeJSON writes v as JSON with status 200.
func writeJSON(w http.ResponseWriter, v any) {
	b, err := marshal(v)
	if err != nil {
		// A value of the library that does not marshal (an amount out of
		// range): not the client's fault, and nothing to say about it.
		writeProblem(w, ProblemDetails{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError,
			Detail: "the result could not be written"})
		return
	}
	writeBytes(w, "application/json", b)
}

// writeBytes writes b with the content type ct and status 200.
func writeBytes(w http.ResponseWriter, ct string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}
