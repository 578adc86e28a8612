package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/dipgraph/dipgraph/schema"
)

// Event-data formats: one row per meeting (events) and one row per pair of
// participants and meeting (dyads), as event-data users (GDELT, ICEWS,
// POLECAT, PETRARCH) read them. See docs/exports.md.
const (
	FormatEvents = "events"
	FormatDyads  = "dyads"
)

// CAMEO codes dipgraph gives meetings (CAMEO 1.1b3 codebook, cue category
// 03 "Express intent to cooperate" and 04 "Consult").
const (
	CameoIntentToMeet = "036" // Express intent to meet or negotiate: a planned meeting
	CameoConsult      = "040" // Consult, not specified below
	CameoPhone        = "041" // Discuss by telephone
	CameoVisit        = "042" // Make a visit: the source travels to the target's country
	CameoHost         = "043" // Host a visit: the target comes to the source's country
	CameoThirdPlace   = "044" // Meet at a "third" location: no participant's country
)

var cameoNames = map[string]string{
	CameoIntentToMeet: "Express intent to meet or negotiate",
	CameoConsult:      "Consult",
	CameoPhone:        "Discuss by telephone",
	CameoVisit:        "Make a visit",
	CameoHost:         "Host a visit",
	CameoThirdPlace:   "Meet at a third location",
}

// eventRow is one meeting. Lists are JSON text, as in the other exports.
type eventRow struct {
	MeetingID        string `parquet:"meeting_id" csv:"meeting_id"`
	Date             string `parquet:"date" csv:"date"`
	DatePrecision    string `parquet:"date_precision" csv:"date_precision"`
	DateFirst        string `parquet:"date_first" csv:"date_first"`
	DateLast         string `parquet:"date_last" csv:"date_last"`
	Year             *int32 `parquet:"year,optional" csv:"year"`
	Month            *int32 `parquet:"month,optional" csv:"month"`
	Day              *int32 `parquet:"day,optional" csv:"day"`
	Kind             string `parquet:"kind" csv:"kind"`
	Cameo            string `parquet:"cameo" csv:"cameo"`
	CameoName        string `parquet:"cameo_name" csv:"cameo_name"`
	Status           string `parquet:"status" csv:"status"`
	NParticipants    int32  `parquet:"n_participants" csv:"n_participants"`
	Participants     string `parquet:"participants" csv:"participants"`
	ParticipantNames string `parquet:"participant_names" csv:"participant_names"`
	Countries        string `parquet:"countries" csv:"countries"`
	RolesAtDate      string `parquet:"roles_at_date" csv:"roles_at_date"`
	Place            string `parquet:"place" csv:"place"`
	PlaceID          string `parquet:"place_id" csv:"place_id"`
	PlaceCountry     string `parquet:"place_country" csv:"place_country"`
	Topics           string `parquet:"topics" csv:"topics"`
	NSources         int32  `parquet:"n_sources" csv:"n_sources"`
	Articles         string `parquet:"articles" csv:"articles"`
	URLs             string `parquet:"urls" csv:"urls"`
	Files            string `parquet:"files" csv:"files"`
	FirstSentence    string `parquet:"first_sentence" csv:"first_sentence"`
	FirstSentenceID  string `parquet:"first_sentence_id" csv:"first_sentence_id"`
}

// dyadRow is one pair of participants of one meeting, source before
// target by id; Cameo is from the source's side (042 when the source
// travelled to the target's country, 043 when it hosted).
type dyadRow struct {
	MeetingID     string `parquet:"meeting_id" csv:"meeting_id"`
	Date          string `parquet:"date" csv:"date"`
	DatePrecision string `parquet:"date_precision" csv:"date_precision"`
	DateFirst     string `parquet:"date_first" csv:"date_first"`
	DateLast      string `parquet:"date_last" csv:"date_last"`
	Year          *int32 `parquet:"year,optional" csv:"year"`
	Month         *int32 `parquet:"month,optional" csv:"month"`
	Day           *int32 `parquet:"day,optional" csv:"day"`
	Kind          string `parquet:"kind" csv:"kind"`
	Cameo         string `parquet:"cameo" csv:"cameo"`
	CameoName     string `parquet:"cameo_name" csv:"cameo_name"`
	Status        string `parquet:"status" csv:"status"`
	Source        string `parquet:"source" csv:"source"`
	Target        string `parquet:"target" csv:"target"`
	SourceName    string `parquet:"source_name" csv:"source_name"`
	TargetName    string `parquet:"target_name" csv:"target_name"`
	SourceCountry string `parquet:"source_country" csv:"source_country"`
	TargetCountry string `parquet:"target_country" csv:"target_country"`
	SourceRole    string `parquet:"source_role" csv:"source_role"`
	TargetRole    string `parquet:"target_role" csv:"target_role"`
	NParticipants int32  `parquet:"n_participants" csv:"n_participants"`
	Place         string `parquet:"place" csv:"place"`
	PlaceCountry  string `parquet:"place_country" csv:"place_country"`
	Topics        string `parquet:"topics" csv:"topics"`
	NSources      int32  `parquet:"n_sources" csv:"n_sources"`
	Articles      string `parquet:"articles" csv:"articles"`
	URLs          string `parquet:"urls" csv:"urls"`
	FirstSentence string `parquet:"first_sentence" csv:"first_sentence"`
}

// extraFacts are what the event tables need beyond the export model:
// article URLs (written by builds that know them) and gazetteer tenures.
type extraFacts struct {
	url      map[string]string // article IRI → URL
	from, to map[string]schema.Date
}

// predURL is the article → URL predicate of builds that read article
// sources (schema.PredURL where the schema has it).
const predURL = "url"

func loadExtraFacts(ctx context.Context, src Source) (*extraFacts, error) {
	x := &extraFacts{url: map[string]string{}, from: map[string]schema.Date{}, to: map[string]schema.Date{}}
	err := src.Statements(ctx, func(q schema.Statement) error {
		switch q.Predicate {
		case predURL:
			x.url[q.Subject] = q.Object
		case schema.PredRoleFrom:
			d, _ := schema.ParseDate(q.Object)
			x.from[q.Subject] = d
		case schema.PredRoleTo:
			d, _ := schema.ParseDate(q.Object)
			x.to[q.Subject] = d
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export: read store: %w", err)
	}
	return x, nil
}

func precisionName(d schema.Date) string {
	switch d.P {
	case schema.Year:
		return "year"
	case schema.Month:
		return "month"
	case schema.Day:
		return "day"
	}
	return ""
}

// dateParts gives year, month and day (nil when unknown).
func dateParts(d schema.Date) (y, m, dd *int32) {
	p := func(v int) *int32 { n := int32(v); return &n }
	if d.P >= schema.Year {
		y = p(d.Y)
	}
	if d.P >= schema.Month {
		m = p(d.M)
	}
	if d.P >= schema.Day {
		dd = p(d.D)
	}
	return
}

// dateSpan gives the first and last day a date covers ("" when unknown).
func dateSpan(d schema.Date) (string, string) {
	if d.IsZero() {
		return "", ""
	}
	return d.First().String(), d.Last().String()
}

// eventCameo is the CAMEO code of a meeting without a direction.
func (m *exportModel) eventCameo(mi *meetingInfo) string {
	switch {
	case mi.status == schema.Planned:
		return CameoIntentToMeet
	case mi.kind == "phone-call":
		return CameoPhone
	}
	if pc := m.country[mi.place]; pc != "" && len(mi.participants) > 1 {
		for _, p := range mi.participants {
			if m.country[p] == pc {
				return CameoConsult
			}
		}
		return CameoThirdPlace
	}
	return CameoConsult
}

// dyadCameo is the CAMEO code of a meeting from source's side.
func (m *exportModel) dyadCameo(mi *meetingInfo, source, target string) string {
	code := m.eventCameo(mi)
	if code != CameoConsult {
		return code
	}
	pc, sc, tc := m.country[mi.place], m.country[source], m.country[target]
	switch {
	case pc == "" || sc == tc:
		return CameoConsult
	case pc == tc:
		return CameoVisit
	case pc == sc:
		return CameoHost
	}
	return CameoThirdPlace
}

// rolesAt lists the roles an official holds at a meeting: those the
// meeting's articles state, or else the gazetteer tenures that cover its
// date.
func (m *exportModel) rolesAt(x *extraFacts, mi *meetingInfo, official string) []string {
	var out []string
	for _, h := range m.holds {
		if h.s == official && slices.Contains(mi.labels, h.label) && !slices.Contains(out, h.o) {
			out = append(out, h.o)
		}
	}
	if len(out) > 0 || mi.date.IsZero() {
		sort.Strings(out)
		return out
	}
	for f, k := range m.factParts {
		if k.s != official || k.p != schema.PredHolds {
			continue
		}
		from, to := x.from[f], x.to[f]
		if from.IsZero() && to.IsZero() {
			continue
		}
		if !from.IsZero() && mi.date.Last().Compare(from.First()) < 0 {
			continue
		}
		if !to.IsZero() && mi.date.First().Compare(to.Last()) > 0 {
			continue
		}
		if !slices.Contains(out, k.o) {
			out = append(out, k.o)
		}
	}
	sort.Strings(out)
	return out
}

// eventCommon is what an event row and its dyad rows share.
type eventCommon struct {
	mi                       *meetingInfo
	date, prec, first, last  string
	y, mo, d                 *int32
	topics, articles, urls   []string
	files                    []string
	sentence, sentenceID     string
	place, placeID, placeCty string
}

func (m *exportModel) common(x *extraFacts, mi *meetingInfo) eventCommon {
	c := eventCommon{mi: mi, date: mi.date.String(), prec: precisionName(mi.date)}
	c.first, c.last = dateSpan(mi.date)
	c.y, c.mo, c.d = dateParts(mi.date)
	for t := range mi.topicSet {
		c.topics = append(c.topics, shortID(t))
	}
	sort.Strings(c.topics)
	for _, l := range mi.labels {
		c.articles = append(c.articles, shortID(l))
		if u := x.url[l]; u != "" {
			c.urls = append(c.urls, u)
		}
		if a := m.articles[l]; a != nil && a.file != "" {
			c.files = append(c.files, a.file)
		}
	}
	// The first sentence: the earliest-dated article's first report.
	labels := append([]string(nil), mi.labels...)
	sort.SliceStable(labels, func(i, j int) bool {
		a, b := m.articles[labels[i]], m.articles[labels[j]]
		if a == nil || b == nil || a.date.IsZero() || b.date.IsZero() {
			return false
		}
		return a.date.Compare(b.date) < 0
	})
	for _, l := range labels {
		if r := mi.reports[l]; r != nil && len(r.sentences) > 0 {
			c.sentenceID, c.sentence = r.sentences[0], m.sentences[r.sentences[0]].textOrEmpty()
			break
		}
	}
	if mi.place != "" {
		c.place, c.placeID, c.placeCty = m.displayName(mi.place), mi.place, m.country[mi.place]
	}
	return c
}

func (m *exportModel) eventRows(x *extraFacts, sel *exportSelection) []eventRow {
	var rows []eventRow
	for _, mid := range m.sortedMeetings(sel) {
		mi := m.meetings[mid]
		c := m.common(x, mi)
		var names, countries []string
		roles := map[string][]string{}
		for _, p := range mi.participants {
			names = append(names, m.displayName(p))
			if cc := m.country[p]; cc != "" && !slices.Contains(countries, cc) {
				countries = append(countries, cc)
			}
			if r := m.rolesAt(x, mi, p); len(r) > 0 {
				roles[p] = r
			}
		}
		sort.Strings(countries)
		code := m.eventCameo(mi)
		rows = append(rows, eventRow{
			MeetingID: shortID(mid), Date: c.date, DatePrecision: c.prec, DateFirst: c.first, DateLast: c.last,
			Year: c.y, Month: c.mo, Day: c.d, Kind: mi.kind, Cameo: code, CameoName: cameoNames[code],
			Status: mi.status, NParticipants: int32(len(mi.participants)),
			Participants: jsonList(mi.participants), ParticipantNames: jsonList(names), Countries: jsonList(countries),
			RolesAtDate: jsonObject(roles), Place: c.place, PlaceID: c.placeID, PlaceCountry: c.placeCty,
			Topics: jsonList(c.topics), NSources: int32(len(mi.labels)), Articles: jsonList(c.articles),
			URLs: jsonList(c.urls), Files: jsonList(c.files), FirstSentence: c.sentence, FirstSentenceID: c.sentenceID,
		})
	}
	return rows
}

func (m *exportModel) dyadRows(x *extraFacts, sel *exportSelection) []dyadRow {
	var rows []dyadRow
	for _, mid := range m.sortedMeetings(sel) {
		mi := m.meetings[mid]
		c := m.common(x, mi)
		for i, a := range mi.participants {
			for _, b := range mi.participants[i+1:] {
				code := m.dyadCameo(mi, a, b)
				rows = append(rows, dyadRow{
					MeetingID: shortID(mid), Date: c.date, DatePrecision: c.prec, DateFirst: c.first, DateLast: c.last,
					Year: c.y, Month: c.mo, Day: c.d, Kind: mi.kind, Cameo: code, CameoName: cameoNames[code],
					Status: mi.status, Source: a, Target: b, SourceName: m.displayName(a), TargetName: m.displayName(b),
					SourceCountry: m.country[a], TargetCountry: m.country[b],
					SourceRole: jsonList(m.rolesAt(x, mi, a)), TargetRole: jsonList(m.rolesAt(x, mi, b)),
					NParticipants: int32(len(mi.participants)), Place: c.place, PlaceCountry: c.placeCty,
					Topics: jsonList(c.topics), NSources: int32(len(mi.labels)), Articles: jsonList(c.articles),
					URLs: jsonList(c.urls), FirstSentence: c.sentence,
				})
			}
		}
	}
	return rows
}

// sortedMeetings lists the selected meetings by date (undated last), then id.
func (m *exportModel) sortedMeetings(sel *exportSelection) []string {
	var ids []string
	for id, mi := range m.meetings {
		if (sel.all || sel.meetings[id]) && len(mi.labels) > 0 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := m.meetings[ids[i]].date, m.meetings[ids[j]].date
		switch {
		case a.IsZero() != b.IsZero():
			return b.IsZero()
		case !a.IsZero() && a.Compare(b) != 0:
			return a.Compare(b) < 0
		}
		return ids[i] < ids[j]
	})
	return ids
}

func jsonObject(m map[string][]string) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m) // keys sorted by encoding/json
	return string(b)
}

// writeEvents writes the event or dyad table as CSV, or as Parquet.
func (m *exportModel) writeEvents(ctx context.Context, w io.Writer, src Source, sel *exportSelection, opt Options) error {
	x, err := loadExtraFacts(ctx, src)
	if err != nil {
		return err
	}
	if opt.Format == FormatEvents {
		return writeTable(w, m.eventRows(x, sel), opt.Parquet)
	}
	return writeTable(w, m.dyadRows(x, sel), opt.Parquet)
}

func writeTable[T any](w io.Writer, rows []T, asParquet bool) error {
	if asParquet {
		pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy))
		if _, err := pw.Write(rows); err != nil {
			return fmt.Errorf("parquet: %w", err)
		}
		if err := pw.Close(); err != nil {
			return fmt.Errorf("parquet: %w", err)
		}
		return nil
	}
	cw := csv.NewWriter(w)
	var zero T
	t := reflect.TypeOf(zero)
	head := make([]string, t.NumField())
	for i := range head {
		head[i] = t.Field(i).Tag.Get("csv")
	}
	cw.Write(head)
	for _, r := range rows {
		v := reflect.ValueOf(r)
		row := make([]string, len(head))
		for i := range row {
			row[i] = csvCell(v.Field(i))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return csvCell(v.Elem())
	case reflect.String:
		return v.String()
	case reflect.Int32, reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	}
	return fmt.Sprint(v.Interface())
}

// EventColumns lists the columns of the events or dyads table.
func EventColumns(format string) []string {
	var t reflect.Type
	if format == FormatDyads {
		t = reflect.TypeOf(dyadRow{})
	} else {
		t = reflect.TypeOf(eventRow{})
	}
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("csv")
	}
	return out
}

// IsParquetName reports whether a file name asks for Parquet.
func IsParquetName(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".parquet") }
