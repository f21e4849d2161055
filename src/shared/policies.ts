/**
 * What the web app offers a signed-in user is decided by the one policy table (domain/access/roles.ts), the same the
 * server enforces — never by a second list of roles in the browser.
 */
export { roleMay, type Policy } from '../domain/access/roles';
