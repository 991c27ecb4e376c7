package vn.lienthong.adapter.statistics.boundary;

import java.util.List;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters shared by the figures and both exports, declared once ({@code @BeanParam}) so adding one
 * cannot leave an export behind. Checked by {@code StatisticsRequest.parse}, never here.
 */
public class StatisticsParameters {

    @QueryParam("from") String from;
    @QueryParam("to") String to;
    @QueryParam("month") String month;
    @QueryParam("year") String year;
    @QueryParam("organisation") List<String> organisations;
    @QueryParam("counterpart") String counterpart;
    @QueryParam("groupBy") String groupBy;
    @QueryParam("split") String split;
    @QueryParam("lang") String lang;
}
