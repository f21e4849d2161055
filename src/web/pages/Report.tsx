export default function Report() { return <p>Report</p>; }
