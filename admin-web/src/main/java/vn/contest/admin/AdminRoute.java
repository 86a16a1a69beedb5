package vn.contest.admin;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import vn.contest.admin.auth.Area;

/** One admin page or action and the part of the admin web (hence the roles) it belongs to. */
public record AdminRoute(HandlerType method, String path, Area area, Handler handler) {}
