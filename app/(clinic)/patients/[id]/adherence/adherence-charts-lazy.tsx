"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/lib/ui/skeleton";

/** The weekly charts in a chunk of their own: recharts loads after the page's own script (README, Client weight). */
export const LazyAdherenceCharts = dynamic(() => import("./adherence-charts").then((m) => m.AdherenceCharts), { loading: ChartSkeleton });
