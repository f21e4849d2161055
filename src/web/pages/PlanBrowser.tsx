export default function PlanBrowser() { return <p>PlanBrowser</p>; }
