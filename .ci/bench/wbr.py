"""pandas doing what wbr.ReadCSV + wbr.Build do, on the same CSV file.

Reads long CSV (date,metric,value), pivots it to one column per metric, and
computes the periods a WBR report compares: the week, the week before and the
year-ago week; the trailing six weeks and their year-ago weeks; the 26 weeks
of the XmR chart; the twelve complete months and the same months a year
earlier; month, quarter and year to date and their year-ago periods. Prints
the best wall and CPU seconds of several runs as JSON.

usage: /usr/bin/python3 wbr.py FILE.csv WEEK-ENDING RUNS
"""
import json
import sys
import time

import pandas as pd


def review(path, end):
    df = pd.read_csv(path, parse_dates=["date"])
    wide = df.pivot(index="date", columns="metric", values="value")
    weeks = wide.resample("W-SAT").sum()
    months = wide.resample("MS").sum()
    day = pd.Timedelta(days=1)
    week, year = 7 * day, 364 * day
    out = {
        "week": weeks.loc[end],
        "prior": weeks.loc[end - week],
        "yearAgo": weeks.loc[end - year],
        "weeks": weeks.loc[end - 5 * week : end],
        "weeksYearAgo": weeks.loc[end - 5 * week - year : end - year],
        "xmr": weeks.loc[end - 25 * week : end],
    }
    last = end.to_period("M") - 1
    first = last - 11
    out["months"] = months.loc[first.start_time : last.start_time]
    out["monthsYearAgo"] = months.loc[(first - 12).start_time : (last - 12).start_time]
    starts = {
        "mtd": end.to_period("M").start_time,
        "qtd": end.to_period("Q").start_time,
        "ytd": end.to_period("Y").start_time,
    }
    for name, start in starts.items():
        out[name] = wide.loc[start:end].sum()
        out[name + "YearAgo"] = wide.loc[start - pd.DateOffset(years=1) : end - pd.DateOffset(years=1)].sum()
    return out


def main():
    path, end, runs = sys.argv[1], pd.Timestamp(sys.argv[2]), int(sys.argv[3])
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        review(path, end)
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(json.dumps({"pandas": pd.__version__, "wall": best_wall, "cpu": best_cpu}))


if __name__ == "__main__":
    main()
