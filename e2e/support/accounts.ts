export const DEMO_PASSWORD = "runclear-demo-2026";

export const accounts = {
  physician: { email: "dr.ortiz@runclear.example", name: "Dr. Elena Ortiz", home: "/patients" },
  otherPhysician: { email: "dr.chen@runclear.example", name: "Dr. Wei Chen", home: "/patients" },
  therapist: { email: "pt.morgan@runclear.example", name: "Jordan Morgan, PT", home: "/patients" },
  otherTherapist: { email: "pt.singh@runclear.example", name: "Amrit Singh, PT", home: "/patients" },
  admin: { email: "admin@runclear.example", name: "Riley Admin", home: "/admin" },
  secondAdmin: { email: "admin2@runclear.example", name: "Casey Admin", home: "/admin" },
  patient: { email: "sam.rivera@runclear.example", name: "Sam Rivera", home: "/me" },
} as const;

export type AccountKey = keyof typeof accounts;
