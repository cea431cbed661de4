"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/lib/ui/skeleton";

/** The progress charts in a chunk of their own: recharts loads after the page's own script (README, Client weight). */
export const LazyProgressCharts = dynamic(() => import("./progress-charts").then((m) => m.ProgressCharts), { loading: ChartSkeleton });
