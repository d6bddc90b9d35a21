package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"hoidong/model"
)

// runPlan prints the sample plan (plan show) or checks a plan file (plan
// check FILE), listing every problem the file has.
func runPlan(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	rest, err := parseMixed(flags("plan"), args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErrorf("cần lệnh con: hoidong plan show | hoidong plan check TỆP")
	}
	switch rest[0] {
	case "show":
		if len(rest) > 1 {
			return usageErrorf("tham số thừa: %q", rest[1])
		}
		_, err := stdout.Write(model.SamplePlanTOML())
		return err
	case "check":
		if len(rest) != 2 {
			return usageErrorf("cần đúng một tệp kế hoạch: hoidong plan check TỆP")
		}
		return checkPlan(rest[1], stdout, stderr)
	}
	return usageErrorf("lệnh con không rõ: %q (show | check)", rest[0])
}

// checkPlan reads a plan file and says whether it is valid.
func checkPlan(path string, stdout, stderr io.Writer) error {
	p, err := model.LoadPlan(path)
	var ps model.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(stderr, "Tệp kế hoạch %s có %d lỗi:\n%s\n", path, len(ps), ps.Error())
		return &reportedError{code: 1}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Tệp kế hoạch %s hợp lệ: %d thành viên, %d danh hiệu/hình thức, %d đối tượng đề nghị.\n",
		path, len(p.Council.Members), len(p.Awards), len(p.Nominees))
	if d := dossierSummary(&p); d != "" {
		fmt.Fprintln(stdout, d)
	}
	return nil
}

// dossierSummary names the awards whose dossier the plan lists, with how
// many documents each has and how many the program writes; "" for none.
func dossierSummary(p *model.Plan) string {
	var parts []string
	for _, a := range p.Awards {
		if len(a.Documents) == 0 {
			continue
		}
		produced := 0
		for _, d := range a.Documents {
			if d.Produced {
				produced++
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%d giấy tờ, %d do chương trình lập)", a.Name, len(a.Documents), produced))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Hồ sơ đề nghị khen thưởng quy định cho: " + strings.Join(parts, "; ") + "."
}

// loadPlan reads a plan file for a command that uses it, its problems
// told as one user error.
func loadPlan(path string) (model.Plan, error) {
	p, err := model.LoadPlan(path)
	var ps model.Problems
	if errors.As(err, &ps) {
		return p, model.Errorf(model.EInvalid, "tệp kế hoạch %s có lỗi:\n%s", path, ps.Error())
	}
	return p, err
}
