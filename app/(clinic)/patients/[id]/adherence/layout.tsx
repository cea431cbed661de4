export { default } from "../chart-access-layout";
