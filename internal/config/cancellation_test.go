package config_test

import (
	"reflect"
	"strings"
	"testing"

	"seminars/internal/config"
)

func TestParseCancellationSteps(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		want    []config.CancellationStep
		wantErr string
	}{
		{"empty means the simple pair", "", nil, ""},
		{"blank means the simple pair", "   ", nil, ""},
		{"the example of issue 11", "28:0,14:50,0:100", []config.CancellationStep{{28, 0}, {14, 50}, {0, 100}}, ""},
		{"spaces around entries", " 28 : 0 , 0 : 50 ", []config.CancellationStep{{28, 0}, {0, 50}}, ""},
		{"always free", "0:0", []config.CancellationStep{{0, 0}}, ""},
		{"not days:percent", "28-0,0:100", nil, `"28-0" is not days:percent`},
		{"a word", "28:half,0:100", nil, `"28:half" is not days:percent`},
		{"an empty entry", "28:0,,0:100", nil, `"" is not days:percent`},
		{"negative days", "28:0,-1:100", nil, "must not be negative"},
		{"more than 100 %", "28:0,0:150", nil, "between 0 and 100"},
		{"days rising", "14:0,28:50,0:100", nil, "the days must fall"},
		{"the same day twice", "14:0,14:50,0:100", nil, "the days must fall"},
		{"fee falling", "28:0,14:100,0:50", nil, "must not fall closer"},
		{"not free at first", "28:10,0:100", nil, "the first entry must be free"},
		{"not ending on the day", "28:0,14:50", nil, "the last entry must be 0:percent"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := config.ParseCancellationSteps(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v (%v), want %v", got, err, tc.want)
			}
		})
	}
}
