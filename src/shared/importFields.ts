/** The import file's fields and their template headers, for the web app's column-mapping step (domain is the truth). */
export { FIELDS as IMPORT_FIELDS, REQUIRED_FIELDS as REQUIRED_IMPORT_FIELDS, TEMPLATE_HEADERS } from '../domain/observation/fields';
