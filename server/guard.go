package server

// Requests a browser may send on behalf of any web page: a page the user
// opens can POST to a loopback server (a "simple" cross-origin request
// needs no preflight), and a DNS name rebound to 127.0.0.1 makes the
// browser treat the server as that name's own. The server therefore
// answers only requests whose Host names it (a loopback name or address
// with its port, or one allowed by --allow-host) and refuses requests
// that a browser marks as coming from another origin (Origin, or
// Sec-Fetch-Site), unless --allow-origin allows it.

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// guard wraps h with the Host and Origin checks for a server listening on
// addr.
func (srv *Server) guard(addr net.Addr, h http.Handler) http.Handler {
	host, port, _ := net.SplitHostPort(addr.String())
	ip := net.ParseIP(host)
	loopback := ip != nil && ip.IsLoopback()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if why := srv.hostRefused(r.Host, port, loopback); why != "" {
			srv.refuse(w, r, why)
			return
		}
		if why := srv.originRefused(r); why != "" {
			srv.refuse(w, r, why)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (srv *Server) refuse(w http.ResponseWriter, r *http.Request, why string) {
	srv.warnf("refused %s %s from %s: %s", r.Method, r.URL.RequestURI(), r.RemoteAddr, why)
	writeJSON(w, http.StatusForbidden, map[string]string{"error": "refused: " + why})
}

// hostRefused says why a Host header is refused ("" if it is not). A
// server on loopback takes localhost and loopback addresses; one on
// another address takes IP addresses (a rebound name is never one); both
// take the names of Options.AllowHosts. The port must be the
// server's.
func (srv *Server) hostRefused(hostport, port string, loopback bool) string {
	if hostport == "" {
		return "no Host header"
	}
	for _, a := range srv.opt.AllowHosts {
		if a == "*" || strings.EqualFold(a, hostport) {
			return ""
		}
	}
	h, p, err := net.SplitHostPort(hostport)
	if err != nil {
		h, p = hostport, "80"
	}
	h = strings.TrimSuffix(strings.Trim(h, "[]"), ".")
	if p != port {
		return fmt.Sprintf("Host %q is not this server's port %s (allow it with --allow-host)", hostport, port)
	}
	for _, a := range srv.opt.AllowHosts {
		if strings.EqualFold(a, h) {
			return ""
		}
	}
	ip := net.ParseIP(h)
	switch {
	case loopback && (strings.EqualFold(h, "localhost") || ip != nil && ip.IsLoopback()):
		return ""
	case !loopback && ip != nil:
		return ""
	case loopback:
		return fmt.Sprintf("Host %q is not a loopback name or address (a DNS rebinding?); allow it with --allow-host", hostport)
	}
	return fmt.Sprintf("Host %q is a name this server was not told to answer to; allow it with --allow-host", hostport)
}

// originRefused says why a request from a browser page of another origin
// is refused ("" if it is not): its Origin is not the server's own (as
// named by the Host header) nor one of Options.AllowOrigins, or the
// browser says it is cross-site (Sec-Fetch-Site) without an allowed
// Origin.
func (srv *Server) originRefused(r *http.Request) string {
	origin := r.Header.Get("Origin")
	allowed := func(o string) bool {
		for _, a := range srv.opt.AllowOrigins {
			if a == "*" || strings.EqualFold(strings.TrimSuffix(a, "/"), o) {
				return true
			}
		}
		return false
	}
	if origin != "" {
		if allowed(origin) {
			return ""
		}
		u, err := url.Parse(origin)
		if err == nil && u.Scheme == "http" && strings.EqualFold(u.Host, r.Host) && u.Path == "" {
			return ""
		}
		return fmt.Sprintf("cross-origin request from %q (allow it with --allow-origin)", origin)
	}
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
		return ""
	default:
		if allowed("*") {
			return ""
		}
		return fmt.Sprintf("a %s request from a web page (Sec-Fetch-Site)", site)
	}
}
