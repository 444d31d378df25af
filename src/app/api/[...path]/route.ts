import { apiError } from "@/lib/api-error";

// Unknown API paths answer in JSON, like every other API error.
function notFound() {
  return apiError("NOT_FOUND", "No such API endpoint.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
