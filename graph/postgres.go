package graph

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // Cayley's PostgreSQL backend (registers "postgres")
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// IsPostgres reports whether a --db value names a PostgreSQL database
// (postgres://… or postgresql://…), also reached through the PostgreSQL
// protocol of CockroachDB.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// pgStore is the write side of a PostgreSQL store. Reads go through
// Cayley's SQL quad store; writes bypass Cayley's one-statement-per-row
// path and apply a whole batch of changes in a few set-based statements in
// one transaction, on the same tables (nodes, quads) with the same
// encoding and reference counts, so Cayley reads what it writes.
type pgStore struct {
	db *sql.DB
}

// openPostgres opens (creating Cayley's tables if needed) the store in the
// PostgreSQL database at dsn.
func openPostgres(dsn string) (*Store, error) {
	shown := redact(dsn)
	created := true
	if err := cgraph.InitQuadStore("postgres", dsn, nil); err == cgraph.ErrDatabaseExists {
		created = false
	} else if err != nil {
		return nil, fmt.Errorf("store %s: create: %w", shown, err)
	}
	qs, err := cgraph.NewQuadStore("postgres", dsn, nil)
	if err != nil {
		return nil, fmt.Errorf("store %s: open: %w", shown, err)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("store %s: open: %w", shown, err)
	}
	// Cayley indexes quads by subject, object and predicate, not by label:
	// replacing an article reads its quads by label.
	if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS quads_label_index ON quads (label_hash)`); err != nil {
		qs.Close()
		db.Close()
		return nil, fmt.Errorf("store %s: label index: %w", shown, err)
	}
	// The foreign keys from quads to nodes cost half the time of a write
	// (four index probes per quad). The writer below keeps them true by
	// itself (nodes first, in the same transaction; exact reference
	// counts), and Cayley's CockroachDB schema has none either: a store
	// dipgraph creates goes without them.
	if created {
		if _, err := db.Exec(`ALTER TABLE quads DROP CONSTRAINT IF EXISTS subject_hash_fk,
  DROP CONSTRAINT IF EXISTS predicate_hash_fk, DROP CONSTRAINT IF EXISTS object_hash_fk,
  DROP CONSTRAINT IF EXISTS label_hash_fk`); err != nil {
			qs.Close()
			db.Close()
			return nil, fmt.Errorf("store %s: %w", shown, err)
		}
	}
	return &Store{qs: qs, backend: "postgres", path: shown, pg: &pgStore{db: db}}, nil
}

// redact hides the password of a DSN.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

func (p *pgStore) close() error { return p.db.Close() }

// hashes of a quad's directions: subject, predicate, object, label.
type quadHash [4]cgraph.ValueHash

func hashQuad(q quad.Quad) quadHash {
	var h quadHash
	for i, d := range quad.Directions {
		if v := q.Get(d); v != nil {
			h[i] = cgraph.HashOf(v)
		}
	}
	return h
}

// replace applies a batch of changes in one transaction.
func (p *pgStore) replace(ctx context.Context, changes []Change) error {
	labels := make([][]byte, len(changes))
	byLabel := make(map[cgraph.ValueHash]int, len(changes))
	for i := range changes {
		h := cgraph.HashOf(quad.IRI(changes[i].Label))
		labels[i] = h[:]
		byLabel[h] = i
	}
	// What the store holds under these labels, as hashes.
	have := make([]map[quadHash]bool, len(changes))
	for i := range have {
		have[i] = map[quadHash]bool{}
	}
	rows, err := p.db.QueryContext(ctx, `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE label_hash = ANY($1::bytea[])`, byteaArray(labels))
	if err != nil {
		return fmt.Errorf("read labels: %w", err)
	}
	for rows.Next() {
		var s, pr, o, l []byte
		if err := rows.Scan(&s, &pr, &o, &l); err != nil {
			rows.Close()
			return fmt.Errorf("read labels: %w", err)
		}
		var h quadHash
		copy(h[0][:], s)
		copy(h[1][:], pr)
		copy(h[2][:], o)
		copy(h[3][:], l)
		have[byLabel[h[3]]][h] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read labels: %w", err)
	}
	// The difference, and the nodes the new quads need.
	var adds, dels []quadHash
	nodes := map[cgraph.ValueHash]*pgNode{}
	for i := range changes {
		ch := &changes[i]
		ch.Added, ch.Deleted = 0, 0
		want := make(map[quadHash]bool, len(ch.Quads))
		for _, q := range ch.Quads {
			q.Label = quad.IRI(ch.Label)
			h := hashQuad(q)
			if want[h] {
				continue
			}
			want[h] = true
			if have[i][h] {
				continue
			}
			adds = append(adds, h)
			ch.Added++
			for k, d := range quad.Directions {
				v := q.Get(d)
				if v == nil {
					continue
				}
				n := nodes[h[k]]
				if n == nil {
					n = &pgNode{hash: h[k], val: v}
					nodes[h[k]] = n
				}
				n.refs++
			}
		}
		for h := range have[i] {
			if !want[h] {
				dels = append(dels, h)
				ch.Deleted++
			}
		}
	}
	if len(adds) == 0 && len(dels) == 0 {
		return nil
	}
	// In index order (subject, predicate, object, label), the inserts into
	// Cayley's subject-first indexes touch neighbouring pages: a batch
	// writes 2–3 times faster than in random order.
	sortQuadHashes(adds)
	sortQuadHashes(dels)
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := applyPG(ctx, tx, nodes, adds, dels); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// pgNode is a node that new quads reference, and how many times.
type pgNode struct {
	hash cgraph.ValueHash
	val  quad.Value
	refs int
}

// applyPG writes the nodes and quads, deletes quads, and keeps the nodes'
// reference counts exact (a node whose count reaches zero is removed), as
// Cayley's own writer does.
func applyPG(ctx context.Context, tx *sql.Tx, nodes map[cgraph.ValueHash]*pgNode, adds, dels []quadHash) error {
	dec := map[cgraph.ValueHash]int{}
	if len(adds) > 0 {
		if err := upsertNodes(ctx, tx, nodes); err != nil {
			return err
		}
		s, pr, o, l := columns(adds)
		rows, err := tx.QueryContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)
ON CONFLICT DO NOTHING RETURNING subject_hash, predicate_hash, object_hash, label_hash`, s, pr, o, l)
		if err != nil {
			return fmt.Errorf("insert quads: %w", err)
		}
		inserted, err := scanQuadHashes(rows)
		if err != nil {
			return fmt.Errorf("insert quads: %w", err)
		}
		if len(inserted) != len(adds) {
			// Quads already there (another writer): their nodes were
			// counted for nothing.
			for _, h := range adds {
				if !inserted[h] {
					decQuad(dec, h)
				}
			}
		}
	}
	if len(dels) > 0 {
		s, pr, o, l := columns(dels)
		rows, err := tx.QueryContext(ctx, `DELETE FROM quads q
USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)
WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l
RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash`, s, pr, o, l)
		if err != nil {
			return fmt.Errorf("delete quads: %w", err)
		}
		deleted, err := scanQuadHashes(rows)
		if err != nil {
			return fmt.Errorf("delete quads: %w", err)
		}
		for h := range deleted {
			decQuad(dec, h)
		}
	}
	if len(dec) == 0 {
		return nil
	}
	hs := make([]cgraph.ValueHash, 0, len(dec))
	for h := range dec {
		hs = append(hs, h)
	}
	sortHashes(hs)
	hb := make([][]byte, len(hs))
	inc := make([]string, len(hs))
	for i, h := range hs {
		hb[i] = h[:]
		inc[i] = strconv.Itoa(-dec[h])
	}
	if _, err := tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs + d.inc
FROM unnest($1::bytea[], $2::int[]) AS d(h, inc) WHERE nodes.hash = d.h`, byteaArray(hb), textArray(inc)); err != nil {
		return fmt.Errorf("update nodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, byteaArray(hb)); err != nil {
		return fmt.Errorf("delete nodes: %w", err)
	}
	return nil
}

func decQuad(dec map[cgraph.ValueHash]int, h quadHash) {
	for _, v := range h {
		if v.Valid() {
			dec[v]++
		}
	}
}

func scanQuadHashes(rows *sql.Rows) (map[quadHash]bool, error) {
	defer rows.Close()
	out := map[quadHash]bool{}
	for rows.Next() {
		var s, p, o, l []byte
		if err := rows.Scan(&s, &p, &o, &l); err != nil {
			return nil, err
		}
		var h quadHash
		copy(h[0][:], s)
		copy(h[1][:], p)
		copy(h[2][:], o)
		copy(h[3][:], l)
		out[h] = true
	}
	return out, rows.Err()
}

// nodeColumns are the value columns of Cayley's nodes table, in the order
// of the upsert below, with their SQL types.
var nodeColumns = []struct{ name, typ string }{
	{"value", "bytea"}, {"value_string", "text"}, {"datatype", "text"}, {"language", "text"},
	{"iri", "boolean"}, {"bnode", "boolean"}, {"value_int", "bigint"}, {"value_bool", "boolean"},
	{"value_float", "double precision"}, {"value_time", "timestamp with time zone"},
}

// upsertNodes inserts the nodes, or adds to their reference counts when
// they exist, in one statement. Values are encoded by Cayley's own
// csql.NodeValues, so that Cayley reads them back as it wrote them.
func upsertNodes(ctx context.Context, tx *sql.Tx, nodes map[cgraph.ValueHash]*pgNode) error {
	list := make([]*pgNode, 0, len(nodes))
	for _, n := range nodes {
		list = append(list, n)
	}
	// Rows locked in one order: concurrent writers do not deadlock.
	sort.Slice(list, func(i, j int) bool { return bytes.Compare(list[i].hash[:], list[j].hash[:]) < 0 })
	col := map[string]int{}
	for i, c := range nodeColumns {
		col[c.name] = i
	}
	hashes := make([][]byte, len(list))
	refs := make([]string, len(list))
	cells := make([][]*string, len(nodeColumns))
	for i := range cells {
		cells[i] = make([]*string, len(list))
	}
	for i, n := range list {
		hashes[i] = n.hash[:]
		refs[i] = strconv.Itoa(n.refs)
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.hash}, n.val)
		if err != nil {
			return fmt.Errorf("node %v: %w", n.val, err)
		}
		for k, name := range typ.Columns() {
			s, err := sqlText(vals[k+1])
			if err != nil {
				return fmt.Errorf("node %v: %w", n.val, err)
			}
			cells[col[name]][i] = &s
		}
	}
	var names, unnest, casts []string
	args := []any{byteaArray(hashes), textArray(refs)}
	for i, c := range nodeColumns {
		names = append(names, c.name)
		casts = append(casts, fmt.Sprintf("$%d::%s[]", i+3, c.typ))
		if c.typ == "bytea" {
			args = append(args, nullableBytea(cells[i]))
		} else {
			args = append(args, nullableText(cells[i]))
		}
	}
	unnest = append(unnest, "$1::bytea[]", "$2::int[]")
	unnest = append(unnest, casts...)
	q := `INSERT INTO nodes (hash, refs, ` + strings.Join(names, ", ") + `)
SELECT * FROM unnest(` + strings.Join(unnest, ", ") + `)
ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("upsert nodes: %w", err)
	}
	return nil
}

// sqlText is the text form of a value Cayley's NodeValues gives.
func sqlText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case []byte:
		return `\x` + hex.EncodeToString(v), nil
	case bool:
		if v {
			return "t", nil
		}
		return "f", nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case time.Time:
		return v.Format(time.RFC3339Nano), nil
	}
	return "", fmt.Errorf("unexpected SQL value %T", v)
}

func sortQuadHashes(qs []quadHash) {
	sort.Slice(qs, func(i, j int) bool {
		for k := range qs[i] {
			if c := bytes.Compare(qs[i][k][:], qs[j][k][:]); c != 0 {
				return c < 0
			}
		}
		return false
	})
}

func sortHashes(hs []cgraph.ValueHash) {
	sort.Slice(hs, func(i, j int) bool { return bytes.Compare(hs[i][:], hs[j][:]) < 0 })
}

// columns splits quad hashes into four bytea array parameters.
func columns(qs []quadHash) (s, p, o, l string) {
	cols := [4][][]byte{}
	for k := range cols {
		cols[k] = make([][]byte, len(qs))
	}
	for i := range qs {
		for k := range cols {
			if qs[i][k].Valid() {
				cols[k][i] = qs[i][k][:]
			}
		}
	}
	return byteaArray(cols[0]), byteaArray(cols[1]), byteaArray(cols[2]), byteaArray(cols[3])
}

// byteaArray is the literal of a bytea[]; nil elements are NULL.
func byteaArray(bs [][]byte) string {
	var b strings.Builder
	b.Grow(len(bs) * 46)
	b.WriteByte('{')
	for i, x := range bs {
		if i > 0 {
			b.WriteByte(',')
		}
		if x == nil {
			b.WriteString("NULL")
			continue
		}
		b.WriteString(`"\\x`)
		b.WriteString(hex.EncodeToString(x))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

func nullableBytea(cells []*string) string {
	// Cells of bytea columns are already in \x hex form.
	return nullableText(cells)
}

// textArray is the literal of an array of non-null strings.
func textArray(ss []string) string {
	cells := make([]*string, len(ss))
	for i := range ss {
		cells[i] = &ss[i]
	}
	return nullableText(cells)
}

// nullableText is the literal of an array of strings; nil cells are NULL.
func nullableText(cells []*string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		if c == nil {
			b.WriteString("NULL")
			continue
		}
		b.WriteByte('"')
		for _, r := range []byte(*c) {
			if r == '"' || r == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// stats counts what the store holds with a few SQL aggregates, where the
// generic Stats would read every quad back through Cayley.
func (p *pgStore) stats(ctx context.Context) (Stats, error) {
	var st Stats
	meeting := cgraph.HashOf(quad.IRI(schema.KindMeeting))
	err := p.db.QueryRowContext(ctx, `SELECT
  (SELECT count(*) FROM quads),
  (SELECT count(*) FROM nodes n WHERE n.iri AND n.value_string LIKE 'article/%'
     AND EXISTS (SELECT 1 FROM quads q WHERE q.label_hash = n.hash)),
  (SELECT count(*) FROM nodes n WHERE n.iri AND n.value_string LIKE 'official/%'
     AND EXISTS (SELECT 1 FROM quads q WHERE q.subject_hash = n.hash)),
  (SELECT count(DISTINCT q.subject_hash) FROM quads q JOIN nodes n ON n.hash = q.subject_hash
     WHERE q.object_hash = $1 AND NOT (n.iri AND n.value_string LIKE 'official/%'))`,
		meeting[:]).Scan(&st.Quads, &st.Articles, &st.Officials, &st.Meetings)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
