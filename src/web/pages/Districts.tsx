export default function Districts() { return <p>Districts</p>; }
