package geo

import "testing"

func TestLookup(t *testing.T) {
	g, err := New([]Person{{Name: "Ana Pérez", Country: "mx", Role: RoleLegislator, Aliases: []string{"Pérez Gómez"}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
	}{
		{"Mexico", "MX"}, {"MÉXICO", "MX"}, {"mexicanas", "MX"}, {"Estados Unidos", "US"}, {"EE.UU.", "US"},
		{"U.S.", "US"}, {"US", "US"}, {"United States", "US"}, {"America", "US"}, {"Washington", "US"},
		{"La Habana", "CU"}, {"Havana", "CU"}, {"Pekín", "CN"}, {"Beijing", "CN"}, {"Ottawa", "CA"},
		{"Moscú", "RU"}, {"the Kremlin", ""}, {"Kremlin", "RU"}, {"White House", "US"}, {"Palacio Nacional", "MX"},
		{"Casa Rosada", "AR"}, {"Miraflores", "VE"}, {"Greenland", "GL"}, {"Groenlandia", "GL"}, {"groenlandeses", "GL"},
		{"Sheinbaum", "MX"}, {"Diaz-Canel", "CU"}, {"Díaz-Canel", "CU"}, {"Jens-Frederik Nielsen", "GL"},
		{"Lars Løkke Rasmussen", "DK"}, {"Pérez Gómez", "MX"}, {"Côte d'Ivoire", "CI"}, {"Myanmar", "MM"},
		{"Burma", "MM"}, {"Bosnia and Herzegovina", "BA"}, {"franceses", "FR"}, {"Mexican", "MX"}, {"Danes", "DK"},
		{"Latin America", ""}, {"Reunion", ""}, {"Réunion", ""}, {"gb", "GB"}, {"Spain", "ES"}, {"España", "ES"},
		{"Alemania", "DE"}, {"Panamá", "PA"}, {"Qatar", "QA"}, {"Catar", "QA"}, {"panameños", "PA"}, {"estadounidenses", "US"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := g.Lookup(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestCodesAndNames(t *testing.T) {
	codes := Codes()
	if len(codes) < 251 { // 249 ISO 3166-1 codes, XK and EU
		t.Fatalf("only %d codes", len(codes))
	}
	for _, c := range codes {
		if Name(c, "en") == "" || Name(c, "es") == "" {
			t.Errorf("%s has no name", c)
		}
	}
	if got := Name("GL", "es"); got != "Groenlandia" {
		t.Errorf("Name(GL, es) = %q", got)
	}
}

func TestPeopleData(t *testing.T) {
	g, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.People()); n < 150 {
		t.Errorf("only %d people", n)
	}
	if _, err := New([]Person{{Name: "X", Country: "QQ"}}); err == nil {
		t.Error("bad country accepted")
	}
}
