import { chartAccessLayout } from "../../chart-access-layout";

/** Before the skeleton streams: only a physician starts an exam, on a chart they may read. */
export default chartAccessLayout("physician");
