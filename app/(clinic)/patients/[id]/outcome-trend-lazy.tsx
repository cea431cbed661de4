"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/lib/ui/skeleton";

/** The trend chart in a chunk of its own: recharts is not in the chart page's first-load script (README, Client weight). */
export const LazyOutcomeTrend = dynamic(() => import("./outcome-trend").then((m) => m.OutcomeTrend), { loading: ChartSkeleton });
