"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/lib/ui/skeleton";

/** The outcome bars in a chunk of their own: recharts loads after the page's own script (README, Client weight). */
export const LazyOutcomeBarChart = dynamic(() => import("./outcomes-chart").then((m) => m.OutcomeBarChart), { loading: ChartSkeleton });
