package gazetteer_test

import (
	"os"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// The default gazetteer's topics are exactly the shared taxonomy that gold
// annotations use: a topic outside it is scored wrong, a missing one is
// never found.
func TestDefaultTopicsAreShared(t *testing.T) {
	data, err := os.ReadFile("../../shared/gold/topics.yaml")
	if os.IsNotExist(err) {
		t.Skip("no ../shared/gold/topics.yaml")
	}
	if err != nil {
		t.Fatal(err)
	}
	var shared struct {
		Topics []struct{ ID string } `yaml:"topics"`
	}
	if err := yaml.Unmarshal(data, &shared); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, tp := range shared.Topics {
		want[tp.ID] = true
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, tp := range g.Topics {
		have[tp.ID] = true
		if !want[tp.ID] {
			t.Errorf("topic %s is not in the shared taxonomy", tp.ID)
		}
		if len(tp.Keywords) == 0 {
			t.Errorf("topic %s has no keywords", tp.ID)
		}
	}
	for id := range want {
		if !have[id] {
			t.Errorf("shared topic %s is missing from the default gazetteer", id)
		}
	}
}

// scanTopics lists the topic ids the default gazetteer finds in a text,
// in order.
func scanTopics(g *gazetteer.Gazetteer, text string) []string {
	var out []string
	for _, m := range g.Scan(vntext.Tokenize(text)).Topics {
		out = append(out, m.Topic.ID)
	}
	return out
}

func TestDefaultTopicKeywords(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"east sea and the code of conduct", "Hai bên nhất trí duy trì tự do hàng hải ở Biển Đông và sớm hoàn tất Bộ Quy tắc ứng xử (COC) phù hợp với UNCLOS.",
			[]string{"south-china-sea", "south-china-sea", "south-china-sea", "south-china-sea", "south-china-sea"}},
		{"land border", "Hai bên đánh giá cao công tác phân giới cắm mốc và việc mở thêm cặp cửa khẩu trên tuyến biên giới đất liền.",
			[]string{"border-territory", "border-territory", "border-territory"}},
		{"a milestone is not a border marker", "Cuộc gặp là một cột mốc quan trọng của tiến trình hòa bình.", nil},
		{"the military demarcation line is not a land border", "Ông bước qua đường phân giới quân sự giữa hai miền.", nil},
		{"relations and their framework", "Hai Bộ trưởng hài lòng trước sự phát triển của quan hệ Đối tác chiến lược toàn diện giữa hai nước.",
			[]string{"bilateral-relations"}},
		{"relations of Vietnam with a partner", "Ông khẳng định quan hệ Việt Nam - Nhật Bản đang ở giai đoạn tốt nhất.", []string{"bilateral-relations"}},
		{"Korea and the US are an alliance", "Ông nhấn mạnh quan hệ đồng minh Hàn-Mỹ.", []string{"alliance"}},
		{"exchanges of delegations", "Hai bên nhất trí duy trì trao đổi đoàn và tiếp xúc cấp cao, chuẩn bị cho chuyến thăm của Thủ tướng.",
			[]string{"high-level-exchanges", "high-level-exchanges", "high-level-exchanges"}},
		{"forums", "Hai bên sẽ phối hợp chặt chẽ tại các diễn đàn đa phương và Nga ủng hộ vai trò trung tâm của ASEAN.",
			[]string{"multilateral-cooperation", "multilateral-cooperation"}},
		{"a forum as a venue is not a topic", "Bên lề Hội nghị Bộ trưởng Ngoại giao ASEAN - Trung Quốc, hai Bộ trưởng đã gặp nhau.", nil},
		{"defence and security", "Hợp tác an ninh quốc phòng và thực thi pháp luật tiếp tục được tăng cường.",
			[]string{"defense-cooperation", "law-enforcement"}},
		{"security of one field keeps its field", "Hai bên bàn về hợp tác an ninh kinh tế và hợp tác an ninh năng lượng.",
			[]string{"economic-cooperation", "energy"}},
		{"military cooperation of Russia and North Korea", "Ông bày tỏ quan ngại về hợp tác quân sự giữa Nga và Triều Tiên.",
			[]string{"russia-nk-cooperation"}},
		{"crime", "Hai bên phối hợp phòng, chống tội phạm xuyên quốc gia, ma túy và lừa đảo trực tuyến.",
			[]string{"law-enforcement", "law-enforcement", "law-enforcement"}},
		{"education and health", "Phía bạn tiếp tục cấp học bổng cho sinh viên hai nước và mở rộng hợp tác y tế.",
			[]string{"education", "education", "health"}},
		{"asking after someone's health is not health cooperation", "Ông gửi lời thăm hỏi sức khỏe tới Chủ tịch nước.", nil},
		{"middle east", "Hai bên trao đổi về tình hình Trung Đông, Dải Gaza và chương trình hạt nhân Iran.",
			[]string{"middle-east", "middle-east", "middle-east"}},
		{"agriculture", "Ông đề nghị mở cửa thị trường cho nông sản, thủy sản và gạo của Việt Nam.",
			[]string{"agriculture", "agriculture", "agriculture"}},
		{"a forum named after economic cooperation", "Diễn đàn Kinh tế Phương Đông khai mạc hôm nay.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanTopics(g, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("topics of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// scanPlaces lists the place ids the default gazetteer finds in a text.
func scanPlaces(g *gazetteer.Gazetteer, text string) []string {
	var out []string
	for _, m := range g.Scan(vntext.Tokenize(text)).Names {
		if p := m.Place(); p != nil {
			out = append(out, p.ID)
		}
	}
	return out
}

func TestDefaultPlaces(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"exonyms", "Ông đã thăm Bắc Kinh, Viêng Chăn, Phnôm Pênh, Gia-các-ta và Niu Đê-li.",
			[]string{"beijing", "vientiane", "phnom-penh", "jakarta", "new-delhi"}},
		{"capitals of other continents", "Các cuộc gặp diễn ra tại Lima, Buenos Aires, Nairobi, Ca-bun và Canberra.",
			[]string{"lima", "buenos-aires", "nairobi", "kabul", "canberra"}},
		{"venues are their cities", "Hai nhà lãnh đạo hội đàm tại Phố Downing, sau đó tới Điện Élysée.", []string{"london", "paris"}},
		{"Vietnamese provinces", "Đoàn làm việc tại Lạng Sơn, Cao Bằng và tỉnh Hòa Bình.", []string{"lang-son", "cao-bang", "hoa-binh"}},
		{"peace is not Hoa Binh", "Hai bên cam kết duy trì hòa bình, ổn định ở khu vực.", nil},
		{"the Pacific is not Thai Binh", "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương", nil},
		{"a province is not Ha Long", "Ông tới thăm Quảng Ninh.", []string{"quang-ninh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanPlaces(g, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("places of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Countries the press names beside capitals are known, in the spellings
// zz-extra.yaml adds too.
func TestDefaultCountries(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"Ngoại trưởng Pê-ru", "PE"},
		{"Tổng thống Ác-hen-ti-na", "AR"},
		{"Thủ tướng Tây Ban Nha", "ES"},
		{"Bộ trưởng Ngoại giao Saint Vincent và Grenadines", "VC"},
		{"Vương quốc Anh và Bắc Ireland", "GB"},
		{"Ngoại trưởng St Vincent", "VC"},
		{"Hội nghị G20 ở Achentina", "AR"},
	}
	for _, tt := range tests {
		got := ""
		for _, m := range g.Scan(vntext.Tokenize(tt.text)).Names {
			if c := m.Country(); c != nil {
				got = c.Code
			}
		}
		if got != tt.want {
			t.Errorf("country of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}
