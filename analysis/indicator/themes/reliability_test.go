package themes

import (
	"math"
	"strings"
	"testing"
)

func TestReadReliability(t *testing.T) {
	in := "\xEF\xBB\xBFvariable;pairable_units;alpha;alpha_lo;alpha_hi;level;coder_a;coder_b;both_coded;agreement;kappa\r\n" +
		"theme:conditions;15;0.846561;0.612000;1.000000;0.950000;A;B;15;0.933333;0.842105\r\n" +
		"question_type;15;0.641975;NaN;NaN;0.950000;A;B;15;0.800000;0.600000\r\n"
	got, err := ReadReliability(strings.NewReader(in), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (Agreement{Variable: "theme:conditions", Units: 15, Alpha: 0.846561, Lo: 0.612, Hi: 1, Level: 0.95, CoderA: "A", CoderB: "B", Both: 15, Agreement: 0.933333, Kappa: 0.842105}) ||
		!math.IsNaN(got[1].Lo) || got[1].Alpha != 0.641975 {
		t.Errorf("read %+v", got)
	}
	if _, err := ReadReliability(strings.NewReader("variable;alpha\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), "x.csv: not a reliability.csv") {
		t.Errorf("wrong header: %v", err)
	}
	bad := strings.Replace(in, ";15;0.846561", ";quinze;0.846561", 1)
	if _, err := ReadReliability(strings.NewReader(bad), "r.csv"); err == nil || !strings.Contains(err.Error(), `r.csv:2: field "pairable_units"`) {
		t.Errorf("bad count: %v", err)
	}
}
