// Starts Swagger UI on /openapi.json; a file, not an inline script, so the page's content policy
// can forbid inline scripts.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
