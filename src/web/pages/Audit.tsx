export default function Audit() { return <p>Audit</p>; }
