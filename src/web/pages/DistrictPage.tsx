export default function DistrictPage() { return <p>DistrictPage</p>; }
