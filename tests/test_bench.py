"""`telaah bench --quick` runs end to end on tiny sets (no timings are asserted)."""
import json

from telaah.bench import format_table, growth_exponent, run_bench


def test_growth_exponent():
    assert growth_exponent([1000, 10000, 100000], [1.0, 10.0, 100.0]) == 1.0
    assert growth_exponent([10, 100], [1.0, 100.0]) == 2.0
    assert growth_exponent([10], [1.0]) is None


def test_quick_bench(shared):
    result = run_bench(quick=True)
    json.dumps(result)  # all of it serialises
    assert set(result["stages"]["stage_ms_per_article"]) >= {"entities", "quotes", "times"}
    assert result["executors"]["local"]["articles_per_s"] > 0
    assert all(row["mapreduce_same"] for row in result["growth"]["rows"])
    assert result["baselines"]["trafilatura_extracted"] == result["baselines"]["articles"]
    assert "growth exponent" in format_table(result)
