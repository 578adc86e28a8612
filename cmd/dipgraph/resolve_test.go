package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

// A name no official has, and one several share, give the same error text
// from graph.ResolveOfficial, dipgraph met, dipgraph export --official and
// the server's met and export (404, and 409 with the candidates).
func TestResolveOfficialSameEverywhere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if r := runInProcess(t, terminals{}, "--db", db, "build", "../../testdata/corpus"); r.code != 0 {
		t.Fatalf("build: %d\n%s", r.code, r.stderr)
	}
	ctx := context.Background()
	st, err := graph.OpenReadOnly(db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]error{}
	for _, name := range []string{"Nobody Atall", "Kim"} {
		_, want[name] = st.ResolveOfficial(ctx, name)
	}
	st.Close()
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	if !errors.As(want["Nobody Atall"], &nf) || !errors.As(want["Kim"], &amb) || len(amb.Candidates) < 2 {
		t.Fatalf("ResolveOfficial: %v; %v", want["Nobody Atall"], want["Kim"])
	}
	if off, err := resolveAt(t, db, "official/"+amb.Candidates[0].ID); err != nil || off.ID != amb.Candidates[0].ID {
		t.Errorf("by id: %v %v", off, err)
	}

	srv, err := server.New(db, server.Options{Timeout: time.Minute, Limit: 100, MaxBytes: 1 << 20, LockTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	defer func() { cancel(); <-done }()
	base := "http://" + ln.Addr().String()

	for name, err := range want {
		text := err.Error()
		status := http.StatusNotFound
		if name == "Kim" {
			status = http.StatusConflict
		}
		t.Run(name, func(t *testing.T) {
			for _, args := range [][]string{
				{"met", name},
				{"export", "--format", "json", "--official", name},
			} {
				r := runInProcess(t, terminals{}, append([]string{"--db", db}, args...)...)
				if r.code != 1 || r.stderr != "dipgraph: "+text+"\n" {
					t.Errorf("%s: exit %d, stderr %q, want %q", args[0], r.code, r.stderr, "dipgraph: "+text+"\n")
				}
			}
			for _, path := range []string{
				"/api/v1/met?name=" + url.QueryEscape(name),
				"/api/v1/export?format=json&official=" + url.QueryEscape(name),
			} {
				resp, err := http.Get(base + path)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var got struct {
					Error      string           `json:"error"`
					Candidates []graph.Official `json:"candidates"`
				}
				if err := json.Unmarshal(body, &got); err != nil {
					t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
				}
				if resp.StatusCode != status || got.Error != text {
					t.Errorf("%s: %d %q, want %d %q", path, resp.StatusCode, got.Error, status, text)
				}
				if status == http.StatusConflict && len(got.Candidates) != len(amb.Candidates) {
					t.Errorf("%s: candidates %v, want %v", path, got.Candidates, amb.Candidates)
				}
				if strings.Contains(got.Error, "\n") {
					t.Errorf("%s: the error is not one line: %q", path, got.Error)
				}
			}
		})
	}
}

func resolveAt(t *testing.T, db, name string) (graph.Official, error) {
	t.Helper()
	st, err := graph.OpenReadOnly(db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.ResolveOfficial(context.Background(), name)
}
