package corpus

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strings"

	"github.com/klauspost/compress/zstd"
	gowarc "github.com/nlnwa/gowarc/v3"
)

// warcRecord is an article read from a WARC response record, held until
// the next record shows that this one ended where its length said.
type warcRecord struct {
	a      *Article
	err    error
	offset int64
}

// warc reads a WARC file (plain, or gzipped record by record as .warc.gz
// files are): each response record of an HTML page with status 2xx is an
// article, with the record's target URI (or the page's canonical link)
// and the page's publication date, else the fetch date. A record that
// does not parse, or whose Content-Length does not match where the next
// record starts, is a bad record named by its offset; the reader then
// looks for the next record.
func (r *reader) warc(in io.Reader) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0, gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore))
	if err != nil {
		return r.skip("", "bad record: %v", err)
	}
	defer wr.Close()
	var held *warcRecord
	release := func(bad string) error {
		h := held
		held = nil
		if h == nil {
			return nil
		}
		pos := fmt.Sprintf("offset %d", h.offset)
		if bad != "" {
			return r.skip(pos, "bad record: %s", bad)
		}
		if h.a == nil && h.err == nil {
			return nil // not an HTML page: not an article
		}
		return r.emit(h.a, h.err)
	}
	n := 0
	failures := 0
	var lastOffset int64 = -1
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return release("")
		}
		if err != nil {
			// The record (or the one before it, whose length ran into it)
			// cannot be read; look for the next one.
			if e := release(""); e != nil {
				return e
			}
			rec.Close()
			if e := r.skip(fmt.Sprintf("offset %d", rec.Offset), "bad record: %s", warcErr(err)); e != nil {
				return e
			}
			if failures++; failures > 100 || rec.Offset == lastOffset || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) {
				return nil
			}
			lastOffset = rec.Offset
			continue
		}
		lastOffset = rec.Offset
		// A record found past where the last one should have ended: the
		// last one's Content-Length was wrong.
		bad := ""
		for _, v := range rec.Validation {
			if strings.Contains(v.Error(), "after expected offset") {
				bad = "its Content-Length does not match its content (" + v.Error() + ")"
			}
		}
		if e := release(bad); e != nil {
			rec.Close()
			return e
		}
		n++
		held = &warcRecord{offset: rec.Offset}
		held.a, held.err = r.warcArticle(rec, n)
		rec.Close()
	}
}

func warcErr(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated record or gzip data (unexpected EOF)"
	}
	return err.Error()
}

// warcArticle reads a response record's page, or returns (nil, nil) for
// a record that is not an HTML page fetched with success.
func (r *reader) warcArticle(rec gowarc.Record, n int) (*Article, error) {
	w := rec.WarcRecord
	if w == nil || w.Type() != gowarc.Response {
		return nil, nil
	}
	block, ok := w.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpStatusCode() < 200 || block.HttpStatusCode() > 299 {
		return nil, nil
	}
	h := block.HttpHeader()
	ct := ""
	if h != nil {
		ct = h.Get("Content-Type")
	}
	if mt, _, _ := mime.ParseMediaType(ct); ct != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, nil
	}
	pos := fmt.Sprintf("offset %d", rec.Offset)
	body, err := block.PayloadBytes()
	if err != nil {
		return nil, &Skipped{Position: pos, Reason: "bad record: " + err.Error()}
	}
	if h != nil && strings.EqualFold(h.Get("Transfer-Encoding"), "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	if h != nil {
		switch strings.ToLower(h.Get("Content-Encoding")) {
		case "gzip":
			zr, err := gzip.NewReader(body)
			if err != nil {
				return nil, &Skipped{Position: pos, Reason: "bad record: " + err.Error()}
			}
			defer zr.Close()
			body = zr
		case "zstd":
			zr, err := zstd.NewReader(body, zstd.WithDecoderConcurrency(1))
			if err != nil {
				return nil, &Skipped{Position: pos, Reason: "bad record: " + err.Error()}
			}
			defer zr.Close()
			body = zr
		}
	}
	b, err := readAll(body, 64<<10)
	if err != nil {
		return nil, &Skipped{Position: pos, Reason: "bad record: " + err.Error()}
	}
	if len(b) > MaxSize {
		return nil, &Skipped{Position: pos, Reason: "file too large (a page of more than " + size(MaxSize) + ")"}
	}
	target := strings.Trim(strings.TrimSpace(w.WarcHeader().Get(gowarc.WarcTargetURI)), "<>")
	a, err := Decode(target+".html", b)
	if err != nil {
		if s, ok := IsSkipped(err); ok {
			s.Position = pos
		}
		return nil, err
	}
	a.Position, a.Record = pos, n
	if a.URL == "" {
		a.URL = target
	}
	if a.Date == "" {
		if t, err := w.Date(); err == nil {
			a.Date = t.Format("2006-01-02")
			a.Text = withHeader(a.Text, a.Date, "")
		}
	}
	return a, nil
}
